import { authorizeApplication } from "@/lib/access/policy";
import { auditActor, type Viewer } from "@/lib/access/viewer";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { requestRun } from "@/lib/jobs/worker";
import { parisToday } from "@/lib/roster/dates";
import { computeEstablishmentIndicators } from "@/lib/roster/establishment-indicators";
import { storeIndicatorSnapshot } from "@/lib/roster/snapshots";
import { formatParisDateTime } from "@/lib/time/paris";
import { loadDossierFacts } from "./dossier-facts";
import { contentHashOf, loadDossier, missingForSubmission } from "./load-dossier";
import { nextState } from "./state-machine";
import { writeTransition } from "./write-transition";

export type SubmissionReceipt = { submissionId: string; receivedAt: string; contentHash: string; alreadySubmitted: boolean };

function receiptOf(submission: { id: string; receivedAt: Date; contentHash: string }, alreadySubmitted: boolean): SubmissionReceipt {
  return {
    submissionId: submission.id,
    receivedAt: submission.receivedAt.toISOString(),
    contentHash: submission.contentHash,
    alreadySubmitted,
  };
}

/**
 * Submits a draft: refused after the deadline (server clock, Paris time in the message) and while
 * anything is missing; otherwise locks the dossier, records the receipt time and the content's
 * hash, freezes the roster's figures; the acknowledgment of receipt is rendered and e-mailed by the
 * job queue right after (issue-receipts.ts, ADR 0016: a PDF per request made a deadline's rush queue
 * up for seconds). Idempotent: the same `idempotencyKey` (a retry, a double click) or a concurrent
 * submit returns the one submission.
 */
export async function submitApplication(
  viewer: Viewer,
  input: { applicationId: string; idempotencyKey: string; ip: string | null },
  now = new Date(),
): Promise<SubmissionReceipt> {
  const replay = await db.submission.findUnique({ where: { idempotencyKey: input.idempotencyKey } });
  const facts = await loadDossierFacts(db, input.applicationId);
  authorizeApplication(viewer, facts, "apply");
  if (replay) {
    if (replay.applicationId !== facts.id) throw new AppError("CONFLICT", "Cette demande de dépôt a déjà servi pour un autre dossier.");
    return receiptOf(replay, true);
  }
  const transition = nextState(facts.state, "submit", "MEMBER");
  if (!transition.ok) {
    const latest = await db.submission.findFirst({ where: { applicationId: facts.id }, orderBy: { receivedAt: "desc" } });
    if (latest && facts.state === "SUBMITTED") return receiptOf(latest, true);
    throw new AppError("INVALID_STATE", "Ce dossier n'est plus un brouillon : il ne peut pas être déposé à nouveau.");
  }

  const snapshot = await loadDossier(db, facts.id);
  if (now >= snapshot.closesAt) {
    throw new AppError(
      "DEADLINE_PASSED",
      `La date limite de dépôt était le ${formatParisDateTime(snapshot.closesAt)} (heure de Paris) : le dossier ne peut plus être déposé.`,
    );
  }
  const missing = missingForSubmission(snapshot);
  if (missing.length > 0) {
    throw new AppError("INVALID_INPUT", "Le dossier est incomplet : complétez les éléments indiqués avant de le déposer.", {
      details: { missing },
    });
  }

  const contentHash = contentHashOf(snapshot);
  // The receipt quotes these figures: frozen now, as the roster stands at submission.
  const indicators = await computeEstablishmentIndicators(db, facts.establishmentId, parisToday(now));
  const submitted = await db.$transaction(async (tx) => {
    try {
      await writeTransition(tx, {
        application: facts,
        action: "submit",
        actor: "MEMBER",
        by: auditActor(viewer),
        ip: input.ip,
        now,
        details: { contentHash },
      });
    } catch (error) {
      // Someone submitted meanwhile: theirs is the one submission.
      const latest =
        error instanceof AppError && error.code === "CONFLICT"
          ? await tx.submission.findFirst({ where: { applicationId: facts.id }, orderBy: { receivedAt: "desc" } })
          : null;
      if (latest) return receiptOf(latest, true);
      throw error;
    }
    const submission = await tx.submission.create({
      data: { applicationId: facts.id, idempotencyKey: input.idempotencyKey, receivedAt: now, contentHash },
    });
    if (indicators) {
      await storeIndicatorSnapshot(tx, facts.establishmentId, "SUBMISSION", indicators, { applicationId: facts.id, takenAt: now });
    }
    return receiptOf(submission, false);
  });
  // The schedule catches a submission whose request is lost here (a crash): every minute.
  if (!submitted.alreadySubmitted) requestRun("submission-receipts");
  return submitted;
}
