import { z } from "zod";
import { authorizeTransition } from "@/lib/access/policy";
import { auditActor, type Viewer } from "@/lib/access/viewer";
import { type IncomingFile, withStoredFiles } from "@/lib/attachments/store-file";
import { TOO_MANY_FILES } from "@/lib/attachments/file-size-check";
import { UPLOAD_LIMITS } from "@/lib/config/upload-limits";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { requestDelivery } from "@/lib/jobs/worker";
import { parisDateTime } from "@/lib/time/paris";
import { checkParisLocalTime } from "@/lib/time/paris-schema";
import { loadDossierFacts } from "./dossier-facts";
import { notifyMembers } from "./notify-members";
import { informationAnsweredEmail } from "@/lib/notifications/information-answered";
import { enqueueEmail } from "@/lib/notifications/outbox";
import { REACHABLE_MANAGERS } from "@/lib/notifications/recipients";
import { nextState, STATE_LABELS } from "./state-machine";
import { withdrawStagedProposal } from "@/lib/decisions/withdraw-staged-proposal";
import { lockForReopening } from "@/lib/review/lock-for-reopening";
import { tellPendingReviewers } from "@/lib/review/tell-pending-reviewers";
import { completeScoringIfDone, lockDossierForReview } from "@/lib/review/tier-completion";
import { SYSTEM_ACTOR } from "@/lib/audit/record-audit";
import { writeTransition } from "./write-transition";

/** The dossier page's transitions (not `submit`, which has its receipt, nor the decisions, released together): the form of each request. */
export const ZTransitionInput = z.discriminatedUnion("action", [
  z.object({ action: z.literal("withdraw"), comment: z.string().trim().max(2000).default("") }),
  z.object({ action: z.literal("startReview"), comment: z.string().trim().max(2000).default("") }),
  z.object({
    action: z.literal("requestInformation"),
    comment: z.string().trim().min(1, { error: "Expliquez ce qui est demandé à l'établissement." }).max(4000),
    /** Paris wall-clock time, as the field shows it: the browser's own time zone must not move it. */
    responseDueAt: z
      .string({ error: "Indiquez la date limite de réponse." })
      .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, { error: "Indiquez la date limite de réponse." })
      .superRefine(checkParisLocalTime),
  }),
  z.object({
    action: z.literal("answerInformationRequest"),
    comment: z.string().trim().min(1, { error: "Répondez à la demande." }).max(4000),
  }),
  z.object({ action: z.literal("completeScoring"), comment: z.string().trim().max(2000).default("") }),
  z.object({ action: z.literal("reopenReview"), comment: z.string().trim().max(2000).default("") }),
]);
export type TTransitionInput = z.infer<typeof ZTransitionInput>;

const NO_REVIEW_YET =
  "Aucune évaluation n'a été remise pour ce dossier : il ne peut être déclaré évalué qu'avec au moins une évaluation transmise.";

export const FILES_ONLY_WITH_ANSWER = "Seule la réponse à une demande de complément peut être accompagnée de fichiers.";

/**
 * Moves a dossier through the state machine: only the right role, only from the right state,
 * with optimistic concurrency on the dossier's version. The transition, its message (a request
 * for information, or the answer, with its files) and the e-mails are written together, audited.
 * The answer's files are checked and stored first, then recorded with the move in its
 * transaction: a refusal anywhere removes the stored files, all or nothing.
 */
export async function transitionApplication(
  viewer: Viewer,
  input: { applicationId: string; expectedVersion: number; ip: string | null; files?: readonly IncomingFile[] } & TTransitionInput,
  now = new Date(),
): Promise<{ state: string; version: number }> {
  const files = input.files ?? [];
  if (files.length > 0 && input.action !== "answerInformationRequest") {
    throw new AppError("INVALID_INPUT", FILES_ONLY_WITH_ANSWER, { fieldErrors: { files: [FILES_ONLY_WITH_ANSWER] } });
  }
  if (files.length > UPLOAD_LIMITS.messageFiles) {
    const message = TOO_MANY_FILES.answer(UPLOAD_LIMITS.messageFiles);
    throw new AppError("INVALID_INPUT", message, { fieldErrors: { files: [message] } });
  }
  const facts = await loadDossierFacts(db, input.applicationId);
  const actor = authorizeTransition(viewer, facts, input.action);
  const result = nextState(facts.state, input.action, actor);
  if (!result.ok) throw new AppError("INVALID_STATE", `Action impossible : le dossier est « ${STATE_LABELS[facts.state]} ».`);
  if (facts.version !== input.expectedVersion) throw new AppError("CONFLICT", "Le dossier a changé entre-temps. Rechargez la page.");

  const responseDueAt = input.action === "requestInformation" ? parisDateTime(input.responseDueAt) : null;
  if (responseDueAt && responseDueAt <= now) {
    throw new AppError("INVALID_INPUT", "La date limite de réponse doit être dans le futur.", {
      fieldErrors: { responseDueAt: ["La date limite de réponse doit être dans le futur."] },
    });
  }

  const transitioned = await withStoredFiles(files, "files", (stored) =>
    db.$transaction(async (tx) => {
      // The dossier's lock before its reviews are counted (closing, or the answer that completes
      // them), the wave's first when reopening; the version read above still guards the move.
      const { locked } =
        input.action === "reopenReview" ? await lockForReopening(tx, facts) : { locked: await lockDossierForReview(tx, facts.id) };
      // Closed by hand (a reviewer who will not answer), a dossier still needs one review: its
      // decision letter explains the decision from the reviews' scores.
      if (
        input.action === "completeScoring" &&
        (await tx.review.count({ where: { submittedAt: { not: null }, assignment: { applicationId: facts.id } } })) === 0
      ) {
        throw new AppError("INVALID_STATE", NO_REVIEW_YET);
      }
      const moved = await writeTransition(tx, {
        application: facts,
        action: input.action,
        actor,
        by: auditActor(viewer),
        comment: input.comment,
        ip: input.ip,
        now,
        responseDueAt: responseDueAt ?? undefined,
        // The establishment's reason, which the managers' journal would otherwise not show (the dossier's history does).
        // The answer's files by fingerprint, as the follow-up's answer keeps them: their names stay out of the log (ADR 0039).
        details:
          input.action === "withdraw" && input.comment
            ? { comment: input.comment }
            : stored.length > 0
              ? { files: stored.map((file) => file.sha256) }
              : undefined,
      });
      if (input.action === "reopenReview") {
        await withdrawStagedProposal(tx, { applicationId: facts.id, viewer, ip: input.ip, now });
        await tellPendingReviewers(tx, facts, { kind: "reopened", at: now });
      }
      if (input.action === "completeScoring") await tellPendingReviewers(tx, facts, { kind: "closed", at: now });
      // Paused, a dossier was not scored when its last review came in (or its last pending reviewer left):
      // back in review, it is, on nobody's act but the rule's.
      if (input.action === "answerInformationRequest") await completeScoringIfDone(tx, locked, SYSTEM_ACTOR, now);
      if (input.action === "requestInformation" || input.action === "answerInformationRequest") {
        const message = await tx.message.create({
          data: {
            applicationId: facts.id,
            authorId: viewer.userId,
            body: input.comment,
            createdAt: now,
            attachments: { create: stored.map((file) => ({ applicationId: facts.id, ...file, uploadedById: viewer.userId })) },
          },
          select: { id: true },
        });
        // The answer is the establishment's message in the thread: the managers hear of it as of any other.
        if (input.action === "answerInformationRequest") {
          const [establishment, managers] = await Promise.all([
            tx.establishment.findUniqueOrThrow({ where: { id: facts.establishmentId }, select: { name: true } }),
            tx.user.findMany(REACHABLE_MANAGERS),
          ]);
          const email = informationAnsweredEmail({
            author: viewer.displayName,
            establishment: establishment.name,
            applicationId: facts.id,
            answer: input.comment,
            files: stored.map((file) => file.fileName),
          });
          for (const { email: to } of managers)
            await enqueueEmail(tx, { dedupeKey: `information-answered:${message.id}:${to}`, to, ...email });
        }
      }
      if (actor === "PROGRAMME_MANAGER")
        await notifyMembers(tx, {
          applicationId: facts.id,
          version: facts.version,
          action: input.action,
          state: moved.state,
          comment: input.comment,
          responseDueAt,
        });
      return moved;
    }),
  );
  requestDelivery();
  return transitioned;
}
