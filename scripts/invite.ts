// npm run invite -- --email claire.martin@esante.gouv.fr [--role PROGRAMME_MANAGER|REVIEWER]
//
// Creates a staff invitation and prints its link: the way to bring in the very first programme
// manager (who then invites everybody else from the app). Works beside a running `npm start`.
import { parseArgs } from "node:util";
import { z } from "zod";
import { connectDb } from "@/lib/db/client";
import { inviteStaffFromCommandLine } from "@/lib/identity/invitations";
import { migrateAsOwner, withDatabase } from "./lib/database";
import { reportAppErrors } from "./lib/report-app-errors";

const { values } = parseArgs({ options: { email: { type: "string" }, role: { type: "string", default: "PROGRAMME_MANAGER" } } });
const parsed = z
  .object({ email: z.email(), role: z.enum(["PROGRAMME_MANAGER", "REVIEWER"]) })
  .safeParse({ email: values.email, role: values.role });
if (!parsed.success) {
  console.error("Usage: npm run invite -- --email prenom.nom@esante.gouv.fr [--role PROGRAMME_MANAGER|REVIEWER]");
  process.exit(2);
}

await withDatabase(async (url) => {
  await migrateAsOwner(url);
  const db = connectDb(url);
  try {
    await reportAppErrors(async () => {
      const { link, accountExists } = await inviteStaffFromCommandLine({ email: parsed.data.email, staffRole: parsed.data.role });
      console.log(`Invitation created for ${parsed.data.email} (${parsed.data.role}). Single-use link:\n\n  ${link}\n`);
      if (accountExists)
        console.log("This address already has an account: the person signs in first, then opens the link to take the role.\n");
    });
  } finally {
    await db.$disconnect();
  }
});
