import { authorizeApplication } from "@/lib/access/policy";
import { auditActor, type Viewer } from "@/lib/access/viewer";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import { isUniqueViolation } from "@/lib/db/prisma-errors";
import { isPastClosing } from "@/lib/campaigns/deadline";
import { AppError } from "@/lib/errors/app-error";
import { requestRun } from "@/lib/jobs/worker";
import { parisToday } from "@/lib/roster/dates";
import { computeEstablishmentIndicators } from "@/lib/roster/establishment-indicators";
import { submissionSnapshotInsert } from "@/lib/roster/snapshots";
import { formatParisDateTime } from "@/lib/time/paris";
import { loadDossierFacts } from "./dossier-facts";
import { contentHashOf, loadJudgedDossier, missingForSubmission } from "./load-dossier";
import { nextState } from "./state-machine";
import { transitionCtes } from "./write-transition";

export type SubmissionReceipt = { submissionId: string; receivedAt: string; contentHash: string; alreadySubmitted: boolean };

function receiptOf(submission: { id: string; receivedAt: Date; contentHash: string }, alreadySubmitted: boolean): SubmissionReceipt {
  return {
    submissionId: submission.id,
    receivedAt: submission.receivedAt.toISOString(),
    contentHash: submission.contentHash,
    alreadySubmitted,
  };
}

/** The submission the same idempotency key already made, as its receipt, or null. */
async function replayOf(idempotencyKey: string, applicationId: string): Promise<SubmissionReceipt | null> {
  const replay = await db.submission.findUnique({ where: { idempotencyKey } });
  if (!replay) return null;
  if (replay.applicationId !== applicationId) throw new AppError("CONFLICT", "Cette demande de dépôt a déjà servi pour un autre dossier.");
  return receiptOf(replay, true);
}

/** The dossier's latest submission, as a receipt already issued, or null. */
async function latestSubmission(applicationId: string): Promise<SubmissionReceipt | null> {
  const latest = await db.submission.findFirst({ where: { applicationId }, orderBy: { receivedAt: "desc" } });
  return latest ? receiptOf(latest, true) : null;
}

/**
 * Submits a draft: refused after the deadline's minute (`isPastClosing`: server clock, Paris time in
 * the message) and while anything is missing; otherwise locks the dossier, records the receipt time
 * and the content's hash, freezes the roster's figures; the acknowledgment of receipt is rendered
 * and e-mailed by the job queue right after (issue-receipts.ts, ADR 0016: a PDF per request made a deadline's rush queue
 * up for seconds). Idempotent: the same `idempotencyKey` (a retry, a double click) or a concurrent
 * submit returns the one submission.
 *
 * A deadline's rush makes every round trip count (ADR 0022, 0029): one read of the dossier's facts,
 * then what it is judged on and the roster side by side (one query each), then one statement that
 * writes the move (state at the version read, history, audit), the `Submission` row and the frozen
 * figures, all or nothing. The
 * idempotency key is looked up only when the write cannot be the first one: a key already used is
 * refused by its unique index, and then read.
 */
export async function submitApplication(
  viewer: Viewer,
  input: { applicationId: string; idempotencyKey: string; ip: string | null },
  now = new Date(),
): Promise<SubmissionReceipt> {
  const facts = await loadDossierFacts(db, input.applicationId);
  authorizeApplication(viewer, facts, "apply");
  const transition = nextState(facts.state, "submit", "MEMBER");
  if (!transition.ok) {
    const replay = await replayOf(input.idempotencyKey, facts.id);
    if (replay) return replay;
    const latest = facts.state === "SUBMITTED" ? await latestSubmission(facts.id) : null;
    if (latest) return latest;
    throw new AppError("INVALID_STATE", "Ce dossier n'est plus un brouillon : il ne peut pas être déposé à nouveau.");
  }

  const [snapshot, indicators] = await Promise.all([
    loadJudgedDossier(db, facts.id),
    // The receipt quotes these figures: frozen now, as the roster stands at submission.
    computeEstablishmentIndicators(db, facts.establishmentId, parisToday(now)),
  ]);
  if (isPastClosing(now, snapshot.closesAt)) {
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
  const { ctes } = transitionCtes({
    application: facts,
    action: "submit",
    actor: "MEMBER",
    by: auditActor(viewer),
    ip: input.ip,
    now,
    details: { contentHash },
  });
  let written: Array<{ id: string; receivedAt: Date; contentHash: string }>;
  try {
    written = await db.$queryRaw`
      WITH ${ctes}, submission AS (
        INSERT INTO "Submission" ("id", "applicationId", "idempotencyKey", "receivedAt", "contentHash")
        SELECT gen_random_uuid(), moved."id", ${input.idempotencyKey}, ${now}, ${contentHash} FROM moved
        RETURNING "id", "receivedAt", "contentHash"
      )${indicators ? Prisma.sql`, frozen AS (${submissionSnapshotInsert(facts.establishmentId, indicators, now)})` : Prisma.empty}
      SELECT "id", "receivedAt", "contentHash" FROM submission`;
  } catch (error) {
    // The key already made a submission (a retry after the dossier went back to draft, or sent for another dossier).
    const replay = isUniqueViolation(error) ? await replayOf(input.idempotencyKey, facts.id) : null;
    if (replay) return replay;
    throw error;
  }
  if (written[0] === undefined) {
    // Someone submitted meanwhile: theirs is the one submission.
    const latest = await latestSubmission(facts.id);
    if (latest) return latest;
    throw new AppError("CONFLICT", "Le dossier a changé entre-temps. Rechargez la page.");
  }
  // The schedule catches a submission whose request is lost here (a crash): every minute.
  requestRun("submission-receipts");
  return receiptOf(written[0], false);
}
