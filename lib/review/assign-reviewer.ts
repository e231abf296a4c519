import { requirePermission } from "@/lib/access/policy";
import { auditActor, type Viewer } from "@/lib/access/viewer";
import { notifyMembers } from "@/lib/applications/notify-members";
import { writeTransition } from "@/lib/applications/write-transition";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db/client";
import { isUniqueViolation } from "@/lib/db/prisma-errors";
import { AppError } from "@/lib/errors/app-error";
import { requestDelivery } from "@/lib/jobs/worker";
import { enqueueEmail } from "@/lib/notifications/outbox";
import { reviewAssignedEmail } from "@/lib/notifications/review-assigned";
import { loadAssignmentInputs } from "./assignment-inputs";
import type { TManualAssignmentInput } from "./assignment-schemas";
import { CONFLICT_FLAG_LABELS } from "./conflicts";
import { effectiveDueAt } from "./due-dates";
import { lockDossierForReview } from "./tier-completion";

/**
 * A manager assigns one reviewer to one dossier of a wave, in a tier. The reviewer must hold the
 * tier's role (ARS reviewers for the regional tier, in the dossier's region), must not have
 * declared a conflict on it nor review it in the other tier. A pair that conflict detection flags
 * needs a written reason: the override is audited with the flags. The dossier's first assignment
 * moves it to « en instruction » through the state machine.
 */
export async function assignReviewer(
  viewer: Viewer,
  waveId: string,
  input: TManualAssignmentInput & { ip: string | null },
  now = new Date(),
) {
  requirePermission(viewer, "reviewer:assign");
  const result = await db
    .$transaction(async (tx) => {
      await lockDossierForReview(tx, input.applicationId);
      const inputs = await loadAssignmentInputs(tx, waveId, input.tier, now);
      const dossier = inputs.dossiers.find((candidate) => candidate.id === input.applicationId);
      if (!dossier) throw new AppError("NOT_FOUND");
      const planDossier = inputs.planDossiers.find((candidate) => candidate.id === dossier.id)!;
      const reviewer = inputs.reviewers.find((candidate) => candidate.id === input.reviewerId);
      const refuse = (message: string) => new AppError("INVALID_INPUT", message, { fieldErrors: { reviewerId: [message] } });
      if (!reviewer)
        throw refuse(input.tier === "REGIONAL" ? "Choisissez un instructeur d'ARS actif." : "Choisissez un instructeur de l'ANS actif.");
      if (input.tier === "REGIONAL" && !reviewer.reviewerRegions.some((region) => region.regionCode === dossier.establishment.regionCode)) {
        throw refuse("Cet instructeur d'ARS ne couvre pas la région de l'établissement.");
      }
      if (planDossier.assigned.includes(reviewer.id)) throw refuse("Ce dossier est déjà attribué à cette personne.");
      if (planDossier.excluded.includes(reviewer.id))
        throw refuse("Cette personne a déclaré un conflit d'intérêts sur ce dossier, ou l'instruit à l'autre niveau.");
      const flags = inputs.flags.get(dossier.id)?.get(reviewer.id) ?? [];
      if (flags.length > 0 && !input.overrideReason) {
        const message = `Lien d'intérêts détecté (${flags.map((flag) => CONFLICT_FLAG_LABELS[flag]).join(" ; ")}) : motivez la dérogation pour attribuer malgré tout.`;
        throw new AppError("INVALID_INPUT", message, { fieldErrors: { overrideReason: [message] } });
      }

      const assignment = await tx.reviewerAssignment.create({
        data: {
          applicationId: dossier.id,
          reviewerId: reviewer.id,
          assignedById: viewer.userId,
          assignedAt: now,
          tier: input.tier,
          flags,
          overrideReason: flags.length > 0 ? input.overrideReason : null,
        },
        select: { id: true },
      });
      await recordAudit(tx, {
        actor: auditActor(viewer),
        action: flags.length > 0 ? "review.assigned_with_override" : "review.assigned",
        target: { type: "ReviewerAssignment", id: assignment.id },
        ip: input.ip,
        details: {
          establishment: dossier.establishment.name,
          reviewer: reviewer.displayName,
          applicationId: dossier.id,
          reviewerId: reviewer.id,
          tier: input.tier,
          automatic: false,
          ...(flags.length > 0 ? { flags, overrideReason: input.overrideReason } : {}),
        },
      });
      if (dossier.state === "SUBMITTED") {
        await writeTransition(tx, {
          application: dossier,
          action: "startReview",
          actor: "PROGRAMME_MANAGER",
          by: auditActor(viewer),
          ip: input.ip,
          now,
        });
        await notifyMembers(tx, { applicationId: dossier.id, version: dossier.version, action: "startReview", state: "UNDER_REVIEW" });
      }
      const email = reviewAssignedEmail({
        wave: inputs.wave.title,
        tier: input.tier,
        establishments: [dossier.establishment.name],
        dueAt: effectiveDueAt({ tier: input.tier, dueAt: null }, inputs.wave),
      });
      await enqueueEmail(tx, { dedupeKey: `review-assigned:${assignment.id}`, to: reviewer.email, ...email });
      return { assignmentId: assignment.id, flags };
    })
    .catch((error: unknown) => {
      if (isUniqueViolation(error)) throw new AppError("CONFLICT", "Ce dossier vient d'être attribué à cette personne.");
      throw error;
    });
  requestDelivery();
  return result;
}
