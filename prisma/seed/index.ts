// npm run db:seed — loads the demo data set into DATABASE_URL (or the embedded database) once.
import { createDb } from "@/lib/db/client";
import { migrateDatabase } from "@/lib/db/migrations";
import { withDatabase } from "@/scripts/lib/database";
import { hasCampaigns, loadDemoData } from "./demo";

await withDatabase(async (url) => {
  await migrateDatabase(url);
  const db = createDb(url, 1);
  try {
    if (await hasCampaigns(db)) {
      console.log("The database already holds campaigns: demo data not loaded.");
      return;
    }
    const loaded = await loadDemoData(db);
    console.log(`Demo data loaded: ${loaded.establishments} establishments, ${loaded.professionals} professionals.`);
  } finally {
    await db.$disconnect();
  }
});
