import { authorizeApplication } from "@/lib/access/policy";
import { auditActor, type Viewer } from "@/lib/access/viewer";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { requestDelivery } from "@/lib/jobs/worker";
import { enqueueEmail } from "@/lib/notifications/outbox";
import { submissionReceiptEmail } from "@/lib/notifications/submission-receipt";
import { parisToday } from "@/lib/roster/dates";
import { computeEstablishmentIndicators, snapshotCounts } from "@/lib/roster/establishment-indicators";
import { storeIndicatorSnapshot } from "@/lib/roster/snapshots";
import { fileStorage, generateStorageKey } from "@/lib/storage";
import { formatParisDateTime } from "@/lib/time/paris";
import { loadDossierFacts } from "./dossier-facts";
import { contentHashOf, loadDossier, missingForSubmission } from "./load-dossier";
import { renderReceiptPdf } from "./receipt-pdf";
import { nextState } from "./state-machine";
import { writeTransition } from "./write-transition";

export type SubmissionReceipt = { submissionId: string; receivedAt: string; contentHash: string; alreadySubmitted: boolean };

function receiptOf(submission: { id: string; receivedAt: Date; contentHash: string }, alreadySubmitted: boolean): SubmissionReceipt {
  return { submissionId: submission.id, receivedAt: submission.receivedAt.toISOString(), contentHash: submission.contentHash, alreadySubmitted };
}

/**
 * Submits a draft: refused after the deadline (server clock, Paris time in the message) and while
 * anything is missing; otherwise locks the dossier, records the receipt time and the content's
 * hash, renders the acknowledgment of receipt and queues it by e-mail. Idempotent: the same
 * `idempotencyKey` (a retry, a double click) or a concurrent submit returns the one submission.
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
    throw new AppError("INVALID_INPUT", "Le dossier est incomplet : complétez les éléments indiqués avant de le déposer.", { details: { missing } });
  }

  const contentHash = contentHashOf(snapshot);
  // The receipt quotes the roster's figures and the SUBMISSION snapshot keeps the very same ones:
  // computed once, before the PDF, rather than again inside the transaction.
  const indicators = await computeEstablishmentIndicators(db, facts.establishmentId, parisToday(now));
  const receipt = await renderReceiptPdf({
    programme: snapshot.wave.campaign,
    wave: snapshot.wave.title,
    establishment: snapshot.establishment,
    applicationId: facts.id,
    receivedAt: now,
    contentHash,
    content: snapshot.content,
    objectives: snapshot.objectives,
    indicators: indicators && { takenAt: now, ...snapshotCounts(indicators) },
  });
  const receiptKey = generateStorageKey("receipts");
  let receiptStored = false;
  let submitted: SubmissionReceipt;
  try {
    submitted = await db.$transaction(
      async (tx) => {
        try {
          await writeTransition(tx, { application: facts, action: "submit", actor: "MEMBER", by: auditActor(viewer), ip: input.ip, now, details: { contentHash } });
        } catch (error) {
          // Someone submitted meanwhile: their submission is the one, and its receipt the only file.
          const latest = error instanceof AppError && error.code === "CONFLICT" ? await tx.submission.findFirst({ where: { applicationId: facts.id }, orderBy: { receivedAt: "desc" } }) : null;
          if (latest) return receiptOf(latest, true);
          throw error;
        }
        // Written once the dossier is ours (parallel submits never each leave a PDF behind), and before
        // the commit (a submission never lacks its receipt).
        await fileStorage().put(receiptKey, receipt, "application/pdf");
        receiptStored = true;
        const submission = await tx.submission.create({
          data: { applicationId: facts.id, idempotencyKey: input.idempotencyKey, receivedAt: now, contentHash, receiptKey },
        });
        if (indicators) {
          await storeIndicatorSnapshot(tx, facts.establishmentId, "SUBMISSION", indicators, { applicationId: facts.id, takenAt: now });
        }
        const fileName = `accuse-de-reception-${facts.id.slice(0, 8)}.pdf`;
        for (const to of snapshot.memberEmails) {
          await enqueueEmail(tx, {
            dedupeKey: `receipt:${submission.id}:${to}`,
            to,
            ...submissionReceiptEmail({ establishment: snapshot.establishment.name, wave: snapshot.wave.title, receivedAt: now, contentHash }),
            files: [{ storageKey: receiptKey, fileName, contentType: "application/pdf" }],
          });
        }
        return receiptOf(submission, false);
      },
      // The receipt's upload runs inside: more room than Prisma's default 5 seconds.
      { timeout: 30_000 },
    );
  } catch (error) {
    // Rolled back after the upload: the file would be nobody's (the daily pass would find it too).
    if (receiptStored) await fileStorage().delete(receiptKey).catch(() => undefined);
    throw error;
  }
  requestDelivery();
  return submitted;
}
