// Applies pending migrations (prisma/migrations) to DATABASE_URL, or to the embedded database.
import { migrateDatabase } from "@/lib/db/migrations";
import { withDatabase } from "./lib/database";

const applied = await withDatabase((url) => migrateDatabase(url));
console.log(applied.length ? `Applied: ${applied.join(", ")}` : "Database already up to date.");
