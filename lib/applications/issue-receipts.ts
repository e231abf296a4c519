import { whatComesNext } from "./what-comes-next";
import { db } from "@/lib/db/client";
import { requestDelivery } from "@/lib/jobs/worker";
import { enqueueEmail } from "@/lib/notifications/outbox";
import { submissionReceiptEmail } from "@/lib/notifications/submission-receipt";
import { errorFields, logger } from "@/lib/observability/logger";
import { fileStorage, generateStorageKey } from "@/lib/storage";
import { loadReleasedDecision } from "@/lib/decisions/released-decision";
import { contentHashOf, loadDossier } from "./load-dossier";
import { dossierFileName } from "./dossier-file-name";
import { renderReceiptPdf } from "./receipt-pdf";

/** Receipts rendered side by side: the PDF is CPU work, its reads and writes are not. */
const AT_ONCE = 4;

/**
 * The receipt job (ADR 0016): renders the acknowledgment of receipt of every submission that has
 * none yet, stores it and queues it by e-mail to the establishment's members, oldest first, until
 * none is left. Safe to run twice, and on several workers at once: each receipt is claimed by one
 * conditional update. A receipt that fails does not hold up the others; the job then fails with
 * their ids, so programme managers see it, and the next run tries them again.
 */
export async function issuePendingReceipts(): Promise<{ issued: number }> {
  let issued = 0;
  const failed: string[] = [];
  let firstError: unknown;
  for (;;) {
    const pending = await db.submission.findMany({
      where: { receiptKey: null, id: { notIn: failed } },
      orderBy: { receivedAt: "asc" },
      take: AT_ONCE,
      select: { id: true },
    });
    if (pending.length === 0) break;
    const outcomes = await Promise.allSettled(pending.map((submission) => issueReceipt(submission.id)));
    outcomes.forEach((outcome, index) => {
      if (outcome.status === "fulfilled") issued += outcome.value ? 1 : 0;
      else {
        failed.push(pending[index]!.id);
        firstError ??= outcome.reason;
        logger.error({ submissionId: pending[index]!.id, ...errorFields(outcome.reason) }, "receipt not issued");
      }
    });
  }
  if (issued > 0) requestDelivery();
  // Its cause tells the worker whether the database's absence made them fail (lib/jobs/worker.ts).
  if (failed.length > 0)
    throw new Error(`${failed.length} accusé(s) de réception non généré(s) : soumissions ${failed.join(", ")}.`, { cause: firstError });
  return { issued };
}

/**
 * One submission's receipt, from what was frozen at submission: the dossier's content (locked
 * since, and checked against the submitted hash) and its SUBMISSION indicator snapshot. False
 * when the submission already has its receipt.
 */
export async function issueReceipt(submissionId: string): Promise<boolean> {
  const submission = await db.submission.findUnique({
    where: { id: submissionId },
    select: { id: true, applicationId: true, receivedAt: true, contentHash: true, receiptKey: true },
  });
  if (!submission || submission.receiptKey) return false;
  const [snapshot, indicators, decision] = await Promise.all([
    loadDossier(db, submission.applicationId),
    db.indicatorSnapshot.findFirst({
      where: { applicationId: submission.applicationId, reason: "SUBMISSION", takenAt: submission.receivedAt },
      select: { takenAt: true, active: true, registered: true, substantialId: true, rieCompliant: true, dmpReady: true },
    }),
    // A receipt issued late (the demo's, a retried one) speaks of where the dossier stands now.
    loadReleasedDecision(db, submission.applicationId),
  ]);
  // A submitted dossier cannot change: a different hash is a bug to see, never a receipt to sign.
  if (contentHashOf(snapshot) !== submission.contentHash) {
    throw new Error(`Le contenu du dossier ${submission.applicationId} ne correspond plus à son dépôt ${submission.id}.`);
  }
  const pdf = await renderReceiptPdf({
    programme: snapshot.wave.campaign,
    wave: snapshot.wave.title,
    establishment: snapshot.establishment,
    reference: snapshot.reference,
    receivedAt: submission.receivedAt,
    contentHash: submission.contentHash,
    content: snapshot.content,
    objectives: snapshot.objectives,
    indicators,
  });
  const receiptKey = generateStorageKey("receipts");
  await fileStorage().put(receiptKey, pdf, "application/pdf");
  try {
    const claimed = await db.$transaction(async (tx) => {
      const { count } = await tx.submission.updateMany({ where: { id: submission.id, receiptKey: null }, data: { receiptKey } });
      if (count !== 1) return false;
      const email = submissionReceiptEmail({
        establishment: snapshot.establishment.name,
        applicationId: submission.applicationId,
        reference: snapshot.reference,
        wave: snapshot.wave.title,
        receivedAt: submission.receivedAt,
        contentHash: submission.contentHash,
        next: whatComesNext({ reviewTiers: snapshot.wave.reviewTiers, state: snapshot.state, decided: decision !== null }),
      });
      const files = [
        {
          storageKey: receiptKey,
          fileName: dossierFileName("accuse-de-reception", { number: snapshot.number, finess: snapshot.establishment.finess }),
          contentType: "application/pdf",
        },
      ];
      for (const to of snapshot.memberEmails) {
        await enqueueEmail(tx, { dedupeKey: `receipt:${submission.id}:${to}`, to, ...email, files });
      }
      return true;
    });
    // Another worker issued it meanwhile: its file is the receipt.
    if (!claimed) await fileStorage().delete(receiptKey);
    return claimed;
  } catch (error) {
    await fileStorage()
      .delete(receiptKey)
      .catch(() => undefined);
    throw error;
  }
}
