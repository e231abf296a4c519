import { dossierReference } from "@/lib/applications/dossier-reference";
import { dossierFileName } from "@/lib/applications/dossier-file-name";
import { requirePermission } from "@/lib/access/policy";
import { auditActor, type Viewer } from "@/lib/access/viewer";
import { STATE_LABELS } from "@/lib/applications/state-machine";
import { writeTransitions } from "@/lib/applications/write-transition";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { createTranches } from "@/lib/follow-up/create-tranches";
import { requestDelivery } from "@/lib/jobs/worker";
import { decisionReleasedEmail } from "@/lib/notifications/decision-released";
import { fileStorage } from "@/lib/storage";
import { LETTER_DECISION_SELECT, LETTER_DOSSIER_SELECT, storeDecisionLetter } from "./decision-letter-input";
import { loadWaveScoring } from "./wave-scoring";
import { lockWaveForDecisions } from "./wave-lock";
import { outboxRow } from "@/lib/notifications/outbox";
import { REACHABLE_MEMBERS } from "@/lib/notifications/recipients";

/**
 * Releases every staged decision of a wave at once, in one transaction: « retenu » and « non
 * retenu » move their dossiers through the state machine (a waitlisted dossier stays « évalué »),
 * each decision gets its letter (rendered, stored, hashed) and each member of the establishment
 * one e-mail with it. Idempotent: the wave's row lock queues concurrent releases, and the ones
 * after the first find nothing left to release (a retry or a double click releases nothing twice).
 * Any failure – a dossier withdrawn meanwhile, a letter that cannot be stored – releases nothing.
 */
export async function releaseDecisions(viewer: Viewer, input: { waveId: string; ip: string | null }, now = new Date()) {
  requirePermission(viewer, "application:decide");
  const stored: string[] = [];
  try {
    const result = await db.$transaction(
      async (tx) => {
        const { advanceSharePercent } = await lockWaveForDecisions(tx, input.waveId);
        const staged = await tx.decision.findMany({
          where: { waveId: input.waveId, releasedAt: null, supersededAt: null },
          orderBy: { stagedAt: "asc" },
          select: {
            ...LETTER_DECISION_SELECT,
            id: true,
            application: {
              select: {
                ...LETTER_DOSSIER_SELECT,
                state: true,
                version: true,
                establishment: {
                  select: { ...LETTER_DOSSIER_SELECT.establishment.select, memberships: REACHABLE_MEMBERS },
                },
              },
            },
          },
        });
        if (staged.length === 0) return { released: 0 };
        const moved = staged.find(({ application }) => application.state !== "SCORED");
        if (moved) {
          throw new AppError(
            "INVALID_STATE",
            `Le dossier de « ${moved.application.establishment.name} » est « ${STATE_LABELS[moved.application.state]} » : retirez ou refaites sa proposition, puis publiez de nouveau. Aucune décision n'a été publiée.`,
          );
        }
        const by = auditActor(viewer);
        for (const action of ["select", "reject"] as const) {
          const applications = staged
            .filter((decision) => decision.outcome === (action === "select" ? "SELECTED" : "REJECTED"))
            .map((decision) => decision.application);
          if (applications.length > 0)
            await writeTransitions(tx, { applications, action, actor: "PROGRAMME_MANAGER", by, ip: input.ip, now });
        }

        const scoring = await loadWaveScoring(tx, [input.waveId], { commentsOf: staged.map(({ application }) => application.id) });
        for (const decision of staged) {
          const { application } = decision;
          const { letterKey, letterHash } = await storeDecisionLetter(fileStorage(), scoring, application, decision, now);
          stored.push(letterKey);
          const released = await tx.decision.updateMany({
            where: { id: decision.id, releasedAt: null },
            data: { releasedAt: now, releasedById: viewer.userId, letterKey, letterHash },
          });
          if (released.count !== 1) throw new AppError("CONFLICT", "Les décisions ont changé pendant la publication. Rechargez la page.");
          const email = decisionReleasedEmail({
            establishment: application.establishment.name,
            wave: application.wave.title,
            applicationId: application.id,
            reference: dossierReference(application.number),
            outcome: decision.outcome,
            amountGrantedCents: decision.amountGrantedCents,
          });
          await tx.outboxEmail.createMany({
            data: application.establishment.memberships.map(({ user }) =>
              outboxRow({
                dedupeKey: `decision:${decision.id}:${user.email}`,
                to: user.email,
                subject: email.subject,
                text: email.text,
                files: [
                  {
                    storageKey: letterKey,
                    fileName: dossierFileName("decision", { number: application.number, finess: application.establishment.finessEt }),
                    contentType: "application/pdf",
                  },
                ],
              }),
            ),
            skipDuplicates: true,
          });
        }
        // The grants' payment schedule: the advance due from now, the balance on validation (ADR 0021).
        await createTranches(
          tx,
          staged.flatMap((decision) =>
            decision.outcome === "SELECTED" && decision.amountGrantedCents !== null
              ? [
                  {
                    applicationId: decision.application.id,
                    decisionId: decision.id,
                    amountGrantedCents: decision.amountGrantedCents,
                    releasedAt: now,
                  },
                ]
              : [],
          ),
          advanceSharePercent,
        );
        await recordAudit(tx, {
          actor: by,
          action: "decisions.released",
          target: { type: "Wave", id: input.waveId },
          ip: input.ip,
          details: {
            decisionIds: staged.map((decision) => decision.id),
            selected: staged.filter((decision) => decision.outcome === "SELECTED").length,
            rejected: staged.filter((decision) => decision.outcome === "REJECTED").length,
            waitlisted: staged.filter((decision) => decision.outcome === "WAITLISTED").length,
          },
        });
        return { released: staged.length };
      },
      // Letters are rendered and stored inside: a wave's worth of them needs more than Prisma's 5 seconds.
      { timeout: 300_000, maxWait: 60_000 },
    );
    if (result.released > 0) requestDelivery();
    return result;
  } catch (error) {
    // Rolled back: the letters stored would be nobody's.
    await Promise.all(
      stored.map((key) =>
        fileStorage()
          .delete(key)
          .catch(() => undefined),
      ),
    );
    throw error;
  }
}
