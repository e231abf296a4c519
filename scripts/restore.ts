// npm run restore -- --from <folder>
// Restores a backup of `npm run backup` into a fresh database: DATABASE_URL (an empty database), or
// the embedded database in EMBEDDED_DB_DIR (a new folder), as the owner (DATABASE_MIGRATION_URL when
// set: it migrates the database and moves its sequences). Files go to STORAGE_DIR or the S3 bucket.
// Every table's row count and checksum, and every file's hash, are checked before anything is kept.
import path from "node:path";
import { parseArgs } from "node:util";
import { restoreDatabase } from "@/lib/backup/restore";
import { fileStorage } from "@/lib/storage";
import { migrationUrl, withDatabase } from "./lib/database";

const { values } = parseArgs({ options: { from: { type: "string" } } });
if (!values.from) {
  console.error("Usage: npm run restore -- --from .data/backups/<date-time>");
  process.exit(2);
}
const folder = path.resolve(values.from);
try {
  const manifest = await withDatabase((url) => restoreDatabase(migrationUrl(url), fileStorage(), folder));
  console.log(
    `Restored ${Object.keys(manifest.tables).length} tables and ${manifest.files.length} files from ${folder} (backup of ${manifest.createdAt}); checksums match.`,
  );
} catch (error) {
  console.error(`Restore refused: ${(error as Error).message}`);
  process.exit(1);
}
