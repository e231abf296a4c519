// Writes the next migration from the change to prisma/schema.prisma, as `prisma migrate dev
// --create-only` would, without needing Prisma's native engine or a shadow database.
//
//   npm run db:migration:create -- add-reviewer-notes
//
// The starting point is the schema as of the last committed migration (the drift test keeps the
// two in step), so commit each migration with the schema change that produced it.
import { execFileSync } from "node:child_process";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { startEmbeddedDatabase } from "@/lib/db/embedded/server";
import { diffSchemas, MIGRATIONS_DIR, SCHEMA_PATH } from "@/lib/db/migrations";

const name = process.argv[2];
if (!name || !/^[a-z0-9][a-z0-9_-]*$/.test(name)) {
  console.error("Usage: npm run db:migration:create -- <name in lower case, e.g. add-reviewer-notes>");
  process.exit(2);
}

const git = (...args: string[]) => execFileSync("git", args, { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] }).trim();

const pending = git("status", "--porcelain", "--", path.relative(process.cwd(), MIGRATIONS_DIR));
if (pending) {
  console.error(`Commit the previous migration (with its schema) first:\n${pending}`);
  process.exit(1);
}
const hasCommits = (() => {
  try {
    git("rev-parse", "--verify", "HEAD");
    return true;
  } catch {
    return false;
  }
})();
const lastMigrationCommit = hasCommits ? git("log", "-1", "--format=%H", "--", path.relative(process.cwd(), MIGRATIONS_DIR)) : "";
const previousSchema = lastMigrationCommit ? git("show", `${lastMigrationCommit}:${path.relative(process.cwd(), SCHEMA_PATH)}`) : null;

const database = await startEmbeddedDatabase();
try {
  const sql = await diffSchemas(database.url, previousSchema, await readFile(SCHEMA_PATH, "utf8"));
  if (!sql.trim() || /^--\s*This is an empty migration\.?\s*$/m.test(sql.trim())) {
    console.log("prisma/schema.prisma has not changed since the last migration: nothing to write.");
  } else {
    const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
    const folder = path.join(MIGRATIONS_DIR, `${stamp}_${name.replaceAll("-", "_")}`);
    await mkdir(folder, { recursive: true });
    await writeFile(path.join(MIGRATIONS_DIR, "migration_lock.toml"), 'provider = "postgresql"\n');
    await writeFile(path.join(folder, "migration.sql"), sql);
    console.log(
      `Wrote ${path.relative(process.cwd(), folder)}/migration.sql: review it, add what Prisma cannot express (CHECK constraints, triggers), then commit it with the schema.`,
    );
  }
} finally {
  await database.stop();
}
