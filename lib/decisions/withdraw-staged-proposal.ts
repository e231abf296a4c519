import { auditActor, type Viewer } from "@/lib/access/viewer";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Db } from "@/lib/db/client";

type Writer = Pick<Db, "decision" | "auditEvent">;

/**
 * A proposal judged a dossier as scored: when the dossier goes back to review (« Rouvrir
 * l'instruction », or one of its reviews reopened), the proposal not yet released is withdrawn with
 * it, in the reopening's transaction. Left in place, it counted in the envelope
 * and blocked the wave's release until the dossier was scored again; it is proposed anew then.
 */
export async function withdrawStagedProposal(
  tx: Writer,
  input: { applicationId: string; viewer: Viewer; ip: string | null; now: Date },
): Promise<void> {
  const staged = await tx.decision.findFirst({
    where: { applicationId: input.applicationId, releasedAt: null, supersededAt: null },
    select: { id: true, outcome: true, amountGrantedCents: true },
  });
  if (!staged) return;
  await tx.decision.update({ where: { id: staged.id }, data: { supersededAt: input.now } });
  await recordAudit(tx, {
    actor: auditActor(input.viewer),
    action: "decision.withdrawn",
    target: { type: "Application", id: input.applicationId },
    ip: input.ip,
    details: { decisionId: staged.id, outcome: staged.outcome, amountGrantedCents: staged.amountGrantedCents?.toString() ?? null },
  });
}
