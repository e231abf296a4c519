import { randomUUID } from "node:crypto";
import type { Viewer } from "@/lib/access/viewer";
import type { Db } from "@/lib/db/client";
import { LETTER_DECISION_SELECT, LETTER_DOSSIER_SELECT, storeDecisionLetter } from "@/lib/decisions/decision-letter-input";
import { defaultDecisionProposal } from "@/lib/decisions/proposal";
import { stageDecision } from "@/lib/decisions/stage-decision";
import { loadWaveScoring } from "@/lib/decisions/wave-scoring";
import type { FileStorage } from "@/lib/storage";
import type { DemoProgramme } from "./programme";

/**
 * Decisions in the demo, through the use case: on the generalisation wave (two tiers, ranked on a
 * 30 % regional mix, « à discuter » above 12 points), one dossier whose national reviewers disagree
 * sharply, three proposals staged (one quoting a comment) for the manager to release – the release
 * makes their letters –, and one scored dossier still without a proposal. The wave's dossiers
 * already « retenu » or « non retenu » (applications.ts) are its decisions released earlier; their
 * letters come from `storeReleasedLetters`.
 */
export async function seedDecisions(db: Db, programme: DemoProgramme, managerId: string): Promise<void> {
  const { waveId } = programme.GENERALISATION;
  await db.wave.update({ where: { id: waveId }, data: { spreadThreshold: 12, rankingMode: "WEIGHTED_MIX", regionalRankingWeight: 30 } });
  const scored = await db.application.findMany({
    where: { waveId, state: "SCORED" },
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
      budgetLines: { select: { amountCents: true } },
      assignments: { where: { tier: "NATIONAL" }, orderBy: { assignedAt: "asc" }, select: { review: { select: { id: true } } } },
    },
  });
  if (scored.length < 4) throw new Error("demo: the generalisation wave needs four scored dossiers for its decisions");
  const [first, disputed, granted, waiting] = scored as [
    (typeof scored)[number],
    (typeof scored)[number],
    (typeof scored)[number],
    (typeof scored)[number],
  ];

  // Two national reviewers far apart: the board flags the dossier « à discuter ».
  const [lenient, severe] = disputed.assignments.map((assignment) => assignment.review?.id);
  if (lenient && severe) {
    const criteria = await db.criterion.findMany({
      where: { waveVersionId: programme.GENERALISATION.versionId },
      select: { id: true, scaleMin: true, scaleMax: true },
    });
    for (const criterion of criteria) {
      await db.score.updateMany({
        where: { reviewId: lenient, criterionId: criterion.id },
        data: { value: criterion.scaleMax, notApplicable: false, comment: "Démarche exemplaire sur ce point." },
      });
      await db.score.updateMany({
        where: { reviewId: severe, criterionId: criterion.id },
        data: { value: criterion.scaleMin, notApplicable: false, comment: "Éléments insuffisants dans le dossier." },
      });
    }
  }

  const manager = await db.user.findUniqueOrThrow({ where: { id: managerId }, select: { id: true, email: true, displayName: true } });
  const viewer: Viewer = {
    userId: manager.id,
    email: manager.email,
    displayName: manager.displayName,
    staffRole: "PROGRAMME_MANAGER",
    memberships: [],
    sessionId: randomUUID(),
  };
  const requested = (dossier: { budgetLines: Array<{ amountCents: bigint }> }) =>
    dossier.budgetLines.reduce((sum, line) => sum + line.amountCents, 0n);
  const euros = (cents: bigint) => String(cents / 100n);

  const comment = await db.score.findFirst({
    where: { review: { assignment: { applicationId: first.id, tier: "NATIONAL" } } },
    select: { id: true },
  });
  if (comment)
    await db.score.update({ where: { id: comment.id }, data: { comment: "Le plan couvre aussi les professionnels intérimaires." } });
  await stageDecision(
    viewer,
    {
      ...defaultDecisionProposal("SELECTED"),
      ip: null,
      applicationId: first.id,
      amountGranted: euros((requested(first) * 9n) / 10n),
      conditions: "Versement en deux fois : 50 % à la notification, le solde sur justificatifs.",
      releasableScoreIds: comment ? [comment.id] : [],
    },
    new Date(),
    db,
  );
  await stageDecision(
    viewer,
    {
      ...defaultDecisionProposal("SELECTED"),
      ip: null,
      applicationId: granted.id,
      amountGranted: euros(requested(granted)),
      conditions: "Sous réserve de la fédération à Pro Santé Connect avant fin 2027.",
    },
    new Date(),
    db,
  );
  await stageDecision(
    viewer,
    {
      ...defaultDecisionProposal("WAITLISTED"),
      ip: null,
      applicationId: waiting.id,
      // Most of the envelope is still free (other dossiers are in review): the reason says so, not
      // that it is spent.
      reasons:
        "Projet solide, classé après les dossiers retenus : inscrit sur la liste d'attente, il sera réexaminé à la fin de l'instruction de la vague, au vu des crédits restants.",
    },
    new Date(),
    db,
  );
}

/**
 * The letters of the decisions released earlier (applications.ts writes them as released), rendered
 * and stored by the app's own code (`storeDecisionLetter`, as the release does) in the storage given,
 * once every review is in: the letter explains the scores as the wave ranks them, so that it
 * downloads like any other.
 */
export async function storeReleasedLetters(db: Db, storage: FileStorage): Promise<void> {
  const decisions = await db.decision.findMany({
    where: { releasedAt: { not: null }, supersededAt: null, letterKey: null },
    orderBy: { releasedAt: "asc" },
    select: { ...LETTER_DECISION_SELECT, id: true, releasedAt: true, application: { select: LETTER_DOSSIER_SELECT } },
  });
  const scoring = await loadWaveScoring(db, [...new Set(decisions.map((decision) => decision.application.waveId))], {
    commentsOf: decisions.map((decision) => decision.application.id),
  });
  for (const { id, application, releasedAt, ...decision } of decisions) {
    // Released: the query asks for it.
    const letter = await storeDecisionLetter(storage, scoring, application, decision, releasedAt!);
    await db.decision.update({ where: { id }, data: letter });
  }
}
