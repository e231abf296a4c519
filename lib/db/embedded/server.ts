import { createServer, type Server, type Socket } from "node:net";
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketHandler } from "@electric-sql/pglite-socket";
import { makePrivateFolder } from "@/lib/storage/private-files";
import { ExchangeQueue } from "./protocol-queue";

export type EmbeddedDatabase = {
  /** A `postgresql://` URL any Postgres client (and `@prisma/adapter-pg`) can use. */
  url: string;
  stop: () => Promise<void>;
};

export type EmbeddedDatabaseOptions = {
  /** Folder that keeps the data between runs, created (or tightened) 0700; omit for an in-memory database. */
  dataDir?: string;
  /** Loopback port; 0 picks a free one. */
  port?: number;
};

/**
 * Starts PGlite (PostgreSQL compiled to WebAssembly) and serves it on a loopback port, so the
 * application talks to it exactly as it would to a real PostgreSQL server.
 */
export async function startEmbeddedDatabase(options: EmbeddedDatabaseOptions = {}): Promise<EmbeddedDatabase> {
  // PGlite writes its files 0666 (Emscripten's default), so any local account could change the
  // database, audit log included. A 0700 folder makes them unreachable to all accounts but ours:
  // this folder is what protects the single-user embedded database (README « Database roles »).
  if (options.dataDir) await makePrivateFolder(options.dataDir);
  const db = await PGlite.create(options.dataDir ? { dataDir: options.dataDir } : {});
  const queue = new ExchangeQueue(db);
  const sockets = new Set<Socket>();

  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
    // The handler accepts any queue with this shape; ours keeps each client's exchange whole.
    const handler = new PGLiteSocketHandler({
      queryQueue: queue as unknown as ConstructorParameters<typeof PGLiteSocketHandler>[0]["queryQueue"],
      closeOnDetach: true,
    });
    handler.attach(socket).catch(() => socket.destroy());
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, "127.0.0.1", () => resolve());
  });
  const address = server.address();
  if (address === null || typeof address === "string") throw new Error("Embedded database: no TCP address");

  return {
    url: `postgresql://postgres:postgres@127.0.0.1:${address.port}/postgres?sslmode=disable`,
    async stop() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await db.close();
    },
  };
}
