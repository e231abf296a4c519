import pg from "pg";
import { expect, it } from "vitest";
import { startEmbeddedDatabase } from "@/lib/db/embedded/server";
import { runNode } from "./next-build";

// `npm start` serves the embedded database from its own process, then builds the app: a command
// run beside it (`npm run invite`) must get its answers during the build, not after it.
it("runs the build in a child process while the embedded database of the same process keeps answering", async () => {
  const database = await startEmbeddedDatabase();
  const client = new pg.Client({ connectionString: database.url });
  try {
    const events: string[] = [];
    const build = runNode(["-e", "setTimeout(() => {}, 1500)"]).then(() => events.push("build finished"));
    await client.connect();
    await client.query("SELECT 1");
    events.push("query answered");
    await build;
    expect(events).toEqual(["query answered", "build finished"]);
  } finally {
    await client.end();
    await database.stop();
  }
});

it("fails when the build fails", async () => {
  await expect(runNode(["-e", "process.exit(3)"])).rejects.toThrow(/exited with 3/);
});
