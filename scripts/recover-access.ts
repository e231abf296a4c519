// npm run recover-access -- --email claire.martin@esante.gouv.fr
//
// Sends a person who lost their keys a link to register a new one, and prints it: the way back for
// a programme manager when no other manager can send it from the app (ADR 0034). Works beside a
// running `npm start`.
import { parseArgs } from "node:util";
import { z } from "zod";
import { connectDb } from "@/lib/db/client";
import { issueAccessRecoveryFromCommandLine } from "@/lib/identity/access-recovery";
import { migrateAsOwner, withDatabase } from "./lib/database";
import { reportAppErrors } from "./lib/report-app-errors";

const { values } = parseArgs({ options: { email: { type: "string" } } });
const parsed = z.email().safeParse(values.email);
if (!parsed.success) {
  console.error("Usage: npm run recover-access -- --email prenom.nom@esante.gouv.fr");
  process.exit(2);
}

await withDatabase(async (url) => {
  await migrateAsOwner(url);
  const db = connectDb(url);
  try {
    await reportAppErrors(async () => {
      const { link, expiresAt } = await issueAccessRecoveryFromCommandLine(parsed.data);
      console.log(
        `Access recovery link for ${parsed.data}, single-use, valid until ${expiresAt.toISOString()} (also e-mailed):\n\n  ${link}\n\n` +
          "Using it removes the account's keys and ends its sessions. Check first that the request is the person's own.\n",
      );
    });
  } finally {
    await db.$disconnect();
  }
});
