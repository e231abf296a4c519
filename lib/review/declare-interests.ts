import { authorizeOwnAssignment } from "@/lib/access/policy";
import { auditActor, type Viewer } from "@/lib/access/viewer";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { requestDelivery } from "@/lib/jobs/worker";
import { conflictDeclaredEmail } from "@/lib/notifications/conflict-declared";
import { enqueueEmail } from "@/lib/notifications/outbox";
import { REACHABLE_MANAGERS } from "@/lib/notifications/recipients";
import type { TDeclarationInput } from "./declaration-schema";
import { declarationClosedReason } from "./declaration-window";
import { loadAssignmentLocked } from "./load-assignment";
import { completeScoringIfDone } from "./tier-completion";

/**
 * The reviewer's declaration of interests on one assignment, before they may read the dossier.
 * « No conflict » opens the dossier and a draft review. A conflict ends the assignment at once:
 * the reviewer loses access, the managers are told, and the dossier needs another reviewer (the
 * assignment page counts it short). A reviewer who finds a conflict later may still declare it,
 * until they transmit their review or the dossier leaves review (`declarationClosedReason`).
 */
export async function declareInterests(
  viewer: Viewer,
  input: { assignmentId: string; declaration: TDeclarationInput; ip: string | null },
  now = new Date(),
) {
  const declaration = input.declaration;
  await db.$transaction(async (tx) => {
    // Checked under the dossier's lock: a transmission or a move of the dossier committed first is seen.
    const { locked, assignment, facts } = await loadAssignmentLocked(tx, input.assignmentId);
    authorizeOwnAssignment(viewer, facts, assignment, "declare-conflict");
    const alreadyClear = assignment.conflict?.hasConflict === false;
    if (!declaration.hasConflict && alreadyClear && assignment.review) return;
    const closed = declarationClosedReason(facts.state, assignment.review?.status ?? null);
    if (closed) throw new AppError("INVALID_STATE", closed);
    const data = declaration.hasConflict
      ? {
          hasConflict: true,
          type: declaration.type,
          partnerSiret: declaration.type === "PARTNER_TIE" && declaration.partnerSiret !== "" ? declaration.partnerSiret : null,
          details: declaration.details,
          declaredAt: now,
        }
      : { hasConflict: false, type: null, partnerSiret: null, details: "", declaredAt: now };
    // Only a live assignment can be declared on: a conflict declared first (another tab) ended it.
    if (assignment.conflict?.hasConflict) throw new AppError("NOT_FOUND");
    if (!(alreadyClear && !declaration.hasConflict)) {
      await tx.conflictDeclaration.upsert({
        where: { assignmentId: assignment.id },
        create: { assignmentId: assignment.id, ...data },
        update: data,
      });
    }
    if (!declaration.hasConflict) {
      await tx.review.upsert({ where: { assignmentId: assignment.id }, create: { assignmentId: assignment.id }, update: {} });
      if (alreadyClear) return;
      await recordAudit(tx, {
        actor: auditActor(viewer),
        action: "review.no_conflict_declared",
        target: { type: "ReviewerAssignment", id: assignment.id },
        ip: input.ip,
        details: { applicationId: facts.id, tier: assignment.tier },
      });
      return;
    }
    // The log keeps that a conflict was declared, its type and the dossier; not the reviewer's
    // « Précisions », which may name third parties: the append-only log could never erase them,
    // and every manager reads it. They stay in the declaration, which the managers read on the
    // dossier's and the assignment page, and in the e-mail that asks them to reassign.
    await recordAudit(tx, {
      actor: auditActor(viewer),
      action: "review.conflict_declared",
      target: { type: "ReviewerAssignment", id: assignment.id },
      ip: input.ip,
      details: { applicationId: facts.id, tier: assignment.tier, type: data.type, partnerSiret: data.partnerSiret },
    });
    const dossier = await tx.application.findUniqueOrThrow({
      where: { id: facts.id },
      select: { wave: { select: { id: true, title: true } }, establishment: { select: { name: true, finessEt: true } } },
    });
    const assigner = assignment.assignedById
      ? await tx.user.findUnique({ where: { id: assignment.assignedById }, select: { email: true, staffRole: true, disabledAt: true } })
      : null;
    const managers =
      assigner && assigner.staffRole === "PROGRAMME_MANAGER" && !assigner.disabledAt
        ? [assigner]
        : await tx.user.findMany(REACHABLE_MANAGERS);
    const email = conflictDeclaredEmail({
      reviewer: viewer.displayName,
      establishment: dossier.establishment.name,
      finess: dossier.establishment.finessEt,
      wave: dossier.wave.title,
      waveId: dossier.wave.id,
      tier: assignment.tier,
      type: declaration.type,
      partnerSiret: data.partnerSiret,
      details: data.details,
    });
    for (const manager of managers)
      await enqueueEmail(tx, { dedupeKey: `conflict-declared:${assignment.id}:${manager.email}`, to: manager.email, ...email });
    await completeScoringIfDone(tx, locked, auditActor(viewer), now);
  });
  requestDelivery();
  return { hasConflict: declaration.hasConflict };
}
