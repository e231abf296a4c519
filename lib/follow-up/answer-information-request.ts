import { authorizeApplication } from "@/lib/access/policy";
import { auditActor, type Viewer } from "@/lib/access/viewer";
import { loadDossierFacts } from "@/lib/applications/dossier-facts";
import { type IncomingFile, withStoredFiles } from "@/lib/attachments/store-file";
import { recordAudit } from "@/lib/audit/record-audit";
import { TOO_MANY_FILES } from "@/lib/attachments/file-size-check";
import { UPLOAD_LIMITS } from "@/lib/config/upload-limits";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { requestDelivery } from "@/lib/jobs/worker";
import { verificationToCheckEmail } from "@/lib/notifications/verification-to-check";
import { assertVersion, loadVerificationForUpdate } from "./load-verification-for-update";
import { nextVerificationState, TIER_LABELS, tierHolding } from "./verification-machine";
import { emailVerifiers } from "./verification-notices";
import { tierDueAt } from "./verification-rules";
import type { TVerificationAnswerInput } from "./verification-schema";

export const NO_REQUEST_MESSAGE = "Aucun complément n'est demandé sur cette déclaration.";

/**
 * The director answers a request for information on the declared results, with a message and
 * files: the declaration returns to the tier that asked, due again some days later. Files are
 * checked and stored first, then recorded with the step in one transaction (all or nothing),
 * under the dossier's row lock and the verification's version; audited; the tier's verifiers
 * e-mailed.
 */
export async function answerInformationRequest(
  viewer: Viewer,
  applicationId: string,
  input: TVerificationAnswerInput & { files: readonly IncomingFile[]; ip: string | null; now?: Date },
) {
  const now = input.now ?? new Date();
  authorizeApplication(viewer, await loadDossierFacts(db, applicationId), "declare-results");
  if (input.files.length > UPLOAD_LIMITS.messageFiles) {
    const message = TOO_MANY_FILES.answer(UPLOAD_LIMITS.messageFiles);
    throw new AppError("INVALID_INPUT", message, { fieldErrors: { files: [message] } });
  }
  const result = await withStoredFiles(input.files, "files", (stored) =>
    db.$transaction(async (tx) => {
      const { facts, verification } = await loadVerificationForUpdate(tx, applicationId);
      authorizeApplication(viewer, facts, "declare-results");
      assertVersion(verification, input.version);
      const askedBy = verification.state === "INFORMATION_REQUESTED" ? verification.tier : null;
      const next = nextVerificationState(verification.state, "ANSWER", "ESTABLISHMENT", {
        tiers: verification.declaration.application.wave.reviewTiers,
        askedBy,
      });
      const tier = next.ok ? tierHolding(next.to) : null;
      if (!next.ok || !tier) throw new AppError("INVALID_STATE", NO_REQUEST_MESSAGE);
      const dueAt = tierDueAt(now, tier);
      const moved = await tx.resultVerification.updateMany({
        where: { id: verification.id, version: verification.version },
        data: { state: next.to, tier, dueAt, version: { increment: 1 } },
      });
      if (moved.count !== 1) throw new AppError("CONFLICT");
      const step = await tx.verificationStep.create({
        data: {
          verificationId: verification.id,
          action: "ANSWER",
          tier,
          fromState: verification.state,
          toState: next.to,
          actorId: viewer.userId,
          at: now,
          message: input.message,
          attachments: { create: stored.map((file) => ({ applicationId: facts.id, ...file, uploadedById: viewer.userId })) },
        },
        select: { id: true },
      });
      await recordAudit(tx, {
        actor: auditActor(viewer),
        action: "follow_up.verification_answer",
        target: { type: "Application", id: facts.id },
        ip: input.ip,
        details: { verificationId: verification.id, stepId: step.id, tier, files: stored.map((file) => file.sha256) },
      });
      const establishment = verification.declaration.application.establishment.name;
      await emailVerifiers(
        tx,
        facts,
        tier,
        verificationToCheckEmail({
          establishment,
          applicationId: facts.id,
          arrival: "answered",
          tier: TIER_LABELS[tier],
          dueAt,
          files: stored.map((file) => file.fileName),
        }),
        `verification-step:${step.id}`,
      );
      return { state: next.to, stepId: step.id };
    }),
  );
  requestDelivery();
  return result;
}
