import { recordAudit } from "@/lib/audit/record-audit";
import { auditActor } from "@/lib/access/viewer";
import { db } from "@/lib/db/client";
import { defineRoute } from "@/lib/http/define-route";
import { revokeAllSessions } from "@/lib/identity/sessions";

/** Signs the viewer out of every session, on every device (this one included). */
export const DELETE = defineRoute({
  handler: async ({ viewer, ip }) => {
    const revoked = await revokeAllSessions(viewer.userId);
    await recordAudit(db, { actor: auditActor(viewer), action: "auth.sessions_revoked", ip, details: { sessions: revoked } });
    return { revoked };
  },
});
