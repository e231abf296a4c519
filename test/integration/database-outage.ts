import { createServer, type Server, type Socket, connect } from "node:net";

export type DatabaseOutage = {
  /** The database's URL through a port of its own, failing until `end`. */
  url: string;
  /** The server is back: the port forwards to the database. */
  end(): Promise<void>;
  /** Closes the port and every connection made through it. */
  close(): Promise<void>;
};

/**
 * A database outage for a test: the same URL fails, then works, as when PostgreSQL restarts
 * (`refused`: nothing listens) or the network between them heals (`silent`: connections are taken
 * and never answered). A client that must recover (the job queue) is given `url`; the test's own
 * client keeps the real one.
 */
export async function databaseOutage(databaseUrl: string, kind: "refused" | "silent" = "refused"): Promise<DatabaseOutage> {
  const target = new URL(databaseUrl);
  const sockets = new Set<Socket>();
  let down = true;
  const keep = (socket: Socket) => {
    sockets.add(socket);
    socket.once("close", () => sockets.delete(socket));
    socket.on("error", () => undefined);
  };
  const server = createServer((client) => {
    keep(client);
    if (down) return;
    const upstream = connect(Number(target.port || 5432), target.hostname);
    keep(upstream);
    client.pipe(upstream).pipe(client);
    client.once("close", () => upstream.destroy());
    upstream.once("close", () => client.destroy());
  });
  const port = await listen(server, 0).then(() => (server.address() as { port: number }).port);
  if (kind === "refused") await new Promise((resolve) => server.close(resolve));
  const url = new URL(databaseUrl);
  url.hostname = "127.0.0.1";
  url.port = String(port);
  return {
    url: url.toString(),
    end: async () => {
      down = false;
      if (!server.listening) await listen(server, port);
    },
    close: async () => {
      for (const socket of sockets) socket.destroy();
      if (server.listening) await new Promise((resolve) => server.close(resolve));
    },
  };
}

function listen(server: Server, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => {
      server.off("error", reject);
      resolve();
    });
  });
}
