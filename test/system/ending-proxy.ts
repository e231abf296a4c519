import net from "node:net";
import { freePorts } from "@/scripts/lib/free-port";

/**
 * A TCP proxy between the app and PostgreSQL that ends the app's connections as a server ends its
 * sessions (a failover, `pg_terminate_backend`) at the moment a drill needs it, so that a race which
 * a real server only sometimes loses is lost every time. An ended connection answers the app's
 * next message with PostgreSQL's own closing message (57P01) and closes: what the app reads of a
 * session the server ended while it sat idle, when it reads it only after sending.
 */
export type EndingProxy = {
  /** The database URL the app is given: `url` with the proxy's port. */
  url: string;
  /** Every connection open now ends at its next message: all the sessions ended between requests. */
  endOpenConnections: () => void;
  /** The next connection that opens a transaction ends as its `BEGIN` arrives (the statement is not passed on). */
  endAtNextBegin: () => void;
  /** The next connection that opens a transaction ends at the first statement after `BEGIN` (that statement is not passed on). */
  endAfterNextBegin: () => void;
  /** Connections ended so far. */
  ended: () => number;
  close: () => Promise<void>;
};

type Link = { app: net.Socket; server: net.Socket; endsAtNextMessage: boolean };

const BEGIN = Buffer.from("BEGIN\0");

/** ErrorResponse FATAL 57P01, as PostgreSQL sends it to a session it terminates. */
function terminatedMessage(): Buffer {
  const fields = Buffer.from(
    ["SFATAL", "VFATAL", "C57P01", "Mterminating connection due to administrator command"].map((field) => `${field}\0`).join("") + "\0",
  );
  const header = Buffer.alloc(5);
  header.write("E", 0);
  header.writeInt32BE(fields.length + 4, 1);
  return Buffer.concat([header, fields]);
}

export async function startEndingProxy(databaseUrl: string): Promise<EndingProxy> {
  const target = new URL(databaseUrl);
  const links = new Set<Link>();
  let atBegin: "end" | "after" | null = null;
  let ended = 0;

  const end = (link: Link) => {
    ended += 1;
    link.server.destroy();
    link.app.end(terminatedMessage());
    links.delete(link);
  };

  const server = net.createServer((app) => {
    const link: Link = { app, server: net.connect(Number(target.port), target.hostname), endsAtNextMessage: false };
    links.add(link);
    link.server.on("data", (chunk) => app.write(chunk));
    link.server.on("close", () => {
      app.end();
      links.delete(link);
    });
    link.server.on("error", () => app.destroy());
    app.on("error", () => link.server.destroy());
    app.on("close", () => link.server.destroy());
    app.on("data", (chunk) => {
      if (!links.has(link)) return;
      if (link.endsAtNextMessage) return end(link);
      if (atBegin !== null && chunk.includes(BEGIN)) {
        const mode = atBegin;
        atBegin = null;
        if (mode === "end") return end(link);
        link.endsAtNextMessage = true;
      }
      link.server.write(chunk);
    });
  });
  const [port] = await freePorts(1);
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  const url = new URL(databaseUrl);
  url.hostname = "127.0.0.1";
  url.port = String(port);

  return {
    url: url.toString(),
    endOpenConnections: () => {
      for (const link of links) link.endsAtNextMessage = true;
    },
    endAtNextBegin: () => {
      atBegin = "end";
    },
    endAfterNextBegin: () => {
      atBegin = "after";
    },
    ended: () => ended,
    close: async () => {
      for (const link of links) link.app.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
