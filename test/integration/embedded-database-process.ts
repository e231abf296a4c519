// An in-memory embedded PostgreSQL in a process of its own, for one integration worker: PGlite runs
// its queries on the thread that holds it, so databases held by one process would share one core.
// Prints its URL as a JSON line; stops when its parent closes its standard input (or dies).
import { startEmbeddedDatabase } from "@/lib/db/embedded/server";

const database = await startEmbeddedDatabase();
process.stdout.write(`${JSON.stringify({ url: database.url })}\n`);
process.stdin.on("end", async () => {
  await database.stop();
  process.exit(0);
});
process.stdin.resume();
