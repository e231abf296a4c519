import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { chown, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { freePorts } from "@/scripts/lib/free-port";

/**
 * A PostgreSQL server of the test's own (a scratch cluster built with the machine's server
 * binaries), which the test may stop, kill and start again without touching anybody else's.
 * PostgreSQL refuses to run as root: under root (CI, these machines) the cluster belongs to the
 * `postgres` system user and every command runs through `runuser`.
 */
export type PostgresCluster = {
  port: number;
  /** The server's data folder (its postmaster.pid names the server's process). */
  dataDir: string;
  /** A database URL on this server (database `postgres` unless named). */
  url: (database?: string) => string;
  createDatabase: (name: string) => Promise<string>;
  /** Stops the server: "fast" ends sessions cleanly, "immediate" is a crash (no shutdown checkpoint). */
  stop: (mode?: "fast" | "immediate") => void;
  start: () => void;
  destroy: () => Promise<void>;
};

function binDir(): string {
  const configured = process.env.POSTGRES_BIN_DIR;
  if (configured) return configured;
  const root = "/usr/lib/postgresql";
  const versions = existsSync(root)
    ? readdirSync(root)
        .filter((name) => /^\d+$/.test(name))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  const found = versions.map((version) => path.join(root, version, "bin")).find((dir) => existsSync(path.join(dir, "pg_ctl")));
  if (!found) throw new Error("PostgreSQL server binaries not found: apt-get install postgresql, or set POSTGRES_BIN_DIR.");
  return found;
}

/** maxConnections: the server's `max_connections` (200 unless said), lower for a drill that takes every slot. */
export async function startPostgresCluster({ maxConnections = 200 }: { maxConnections?: number } = {}): Promise<PostgresCluster> {
  const bin = binDir();
  const asRoot = process.getuid?.() === 0;
  const run = (command: string, args: string[]) => {
    const [file, fullArgs] = asRoot
      ? ["runuser", ["-u", "postgres", "--", path.join(bin, command), ...args]]
      : [path.join(bin, command), args];
    const result = spawnSync(file, fullArgs, { encoding: "utf8" });
    if (result.status !== 0) throw new Error(`${command} failed: ${result.stderr || result.stdout}`);
  };
  const home = await mkdtemp(path.join(tmpdir(), "hospiconnect-pg-"));
  if (asRoot) {
    const uid = Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8" }));
    const gid = Number(execFileSync("id", ["-g", "postgres"], { encoding: "utf8" }));
    await chown(home, uid, gid);
  }
  const data = path.join(home, "data");
  const [port] = await freePorts(1);
  run("initdb", ["-D", data, "-U", "postgres", "--auth=trust", "--encoding=UTF8", "--locale=C.UTF-8", "--no-sync"]);
  const options = `-p ${port} -k ${home} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=${maxConnections}`;
  const start = () => run("pg_ctl", ["-D", data, "-o", options, "-l", path.join(home, "server.log"), "-w", "-t", "60", "start"]);
  const stop = (mode: "fast" | "immediate" = "fast") => run("pg_ctl", ["-D", data, "-m", mode, "-w", "-t", "60", "stop"]);
  start();
  const url = (database = "postgres") => `postgresql://postgres@127.0.0.1:${port}/${database}`;
  return {
    port: port!,
    dataDir: data,
    url,
    async createDatabase(name) {
      const pg = (await import("pg")).default;
      const client = new pg.Client({ connectionString: url() });
      await client.connect();
      await client.query(`CREATE DATABASE "${name}"`);
      await client.end();
      return url(name);
    },
    stop,
    start,
    async destroy() {
      try {
        stop("immediate");
      } catch {
        // already stopped
      }
      await rm(home, { recursive: true, force: true });
    },
  };
}

/** Runs `work` on a connection of its own to `url`, closed after: what a drill does on the server beside the app. */
export async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
