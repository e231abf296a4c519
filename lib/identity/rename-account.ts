import { auditActor, type Viewer } from "@/lib/access/viewer";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db/client";

/**
 * The owner of an account changes the name it shows to the other users (a typo at activation, a
 * new surname): from their next page on, everywhere. Audited with the former name.
 */
export async function renameAccount(viewer: Viewer, displayName: string, ip: string | null): Promise<void> {
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: viewer.userId }, data: { displayName } });
    await recordAudit(tx, {
      actor: auditActor(viewer),
      action: "account.renamed",
      target: { type: "User", id: viewer.userId },
      ip,
      details: { from: viewer.displayName, to: displayName },
    });
  });
}
