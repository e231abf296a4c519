// npm run backup [-- --out <folder>]
// Backs up the app's data and the files it refers to: DATABASE_URL, or the embedded database (the
// one a running `npm start` serves, or EMBEDDED_DB_DIR), with files from STORAGE_DIR or the S3
// bucket. Default folder: .data/backups/<date-time>. Restore with `npm run restore -- --from <folder>`.
import path from "node:path";
import { parseArgs } from "node:util";
import { backupDatabase } from "@/lib/backup/backup";
import { fileStorage } from "@/lib/storage";
import { withDatabase } from "./lib/database";

const { values } = parseArgs({ options: { out: { type: "string" } } });
const folder = path.resolve(values.out ?? path.join(".data/backups", new Date().toISOString().replace(/[:.]/g, "-")));

const manifest = await withDatabase((url) => backupDatabase(url, fileStorage(), folder));
const rows = Object.values(manifest.tables).reduce((sum, table) => sum + table.rows, 0);
console.log(`Backup written to ${folder}: ${Object.keys(manifest.tables).length} tables, ${rows} rows, ${manifest.files.length} files.`);
