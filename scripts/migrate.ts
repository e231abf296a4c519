// Applies pending migrations (prisma/migrations) to DATABASE_URL's database as its owner
// (DATABASE_MIGRATION_URL when set, ADR 0036), or to the embedded database.
import { migrateAsOwner, withDatabase } from "./lib/database";

const applied = await withDatabase((url) => migrateAsOwner(url));
console.log(applied.length ? `Applied: ${applied.join(", ")}` : "Database already up to date.");
