import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type EmbeddedDatabase, startEmbeddedDatabase } from "@/lib/db/embedded/server";
import { runningEmbeddedUrl } from "./database";

/**
 * Commands run beside `npm start` (backup, restore, invite, recover-access) find its embedded
 * database through `<EMBEDDED_DB_DIR>.url`; a file left by a start killed without cleaning up
 * may name a port another start now uses.
 */
describe("runningEmbeddedUrl", () => {
  let root: string;
  let ours: EmbeddedDatabase;
  let other: EmbeddedDatabase;
  const dataDir = () => path.join(root, "pglite");

  beforeAll(async () => {
    root = await mkdtemp(path.join(tmpdir(), "hospiconnect-running-"));
    ours = await startEmbeddedDatabase({ dataDir: dataDir() });
    other = await startEmbeddedDatabase({ dataDir: path.join(root, "other") });
  }, 60_000);

  afterAll(async () => {
    await ours.stop();
    await other.stop();
    await rm(root, { recursive: true, force: true });
  });

  it("answers the address of the start that serves the folder, and nothing when none is published", async () => {
    expect(await runningEmbeddedUrl(dataDir())).toBeNull();
    await writeFile(`${dataDir()}.url`, ours.url);
    expect(await runningEmbeddedUrl(dataDir())).toBe(ours.url);
  });

  it("refuses an address where another embedded database answers, naming the folder and the file to delete", async () => {
    await writeFile(`${dataDir()}.url`, other.url);
    const refusal = await runningEmbeddedUrl(dataDir()).catch((error: Error) => error.message);
    expect(refusal).toContain(`the database in ${dataDir()} is served at ${other.url}, but the database answering there is another one`);
    expect(refusal).toContain(`delete ${dataDir()}.url and run the command again`);
  });

  it("leaves the folder to the command when nothing answers at the address any more", async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const { port } = closed.address() as { port: number };
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    await writeFile(`${dataDir()}.url`, `postgresql://postgres:postgres@127.0.0.1:${port}/postgres?sslmode=disable`);
    expect(await runningEmbeddedUrl(dataDir())).toBeNull();
  });
});
