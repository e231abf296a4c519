import { dossierReference } from "@/lib/applications/dossier-reference";
import type { Prisma } from "@/lib/db/generated/client";
import type { DecisionOutcome } from "@/lib/db/generated/enums";
import { splitGrant, type TrancheKind } from "@/lib/follow-up/tranches";
import { type FileStorage, generateStorageKey } from "@/lib/storage";
import { explainCriteria } from "./aggregation";
import { requireLetterSignatory } from "./letter-signatory";
import { type DecisionLetterInput, letterHashOf, renderDecisionLetterPdf } from "./decision-letter-pdf";
import type { WaveScoring } from "./wave-scoring";

/** What a letter needs of its dossier, as the release and the demo read it. */
export type LetterDossier = {
  id: string;
  number: number;
  waveId: string;
  projectTitle: string;
  budgetLines: ReadonlyArray<{ amountCents: bigint }>;
  wave: {
    title: string;
    advanceSharePercent: number | null;
    letterSignatoryName: string | null;
    letterSignatoryTitle: string | null;
    campaign: { title: string };
  };
  establishment: { name: string; finessEt: string };
};

type LetterDecision = { outcome: DecisionOutcome; amountGrantedCents: bigint | null; conditions: string; reasons: string };

/** The columns of `LetterDossier`, for the release's and the demo's reads (one list to extend). */
export const LETTER_DOSSIER_SELECT = {
  id: true,
  number: true,
  waveId: true,
  projectTitle: true,
  budgetLines: { select: { amountCents: true } },
  wave: {
    select: {
      title: true,
      advanceSharePercent: true,
      letterSignatoryName: true,
      letterSignatoryTitle: true,
      campaign: { select: { title: true } },
    },
  },
  establishment: { select: { name: true, finessEt: true } },
} as const satisfies Prisma.ApplicationSelect;

/** The columns of a decision its letter states. */
export const LETTER_DECISION_SELECT = {
  outcome: true,
  amountGrantedCents: true,
  conditions: true,
  reasons: true,
} as const satisfies Prisma.DecisionSelect;

/** The tranches a grant will be paid in: those `createTranches` writes at the release. */
function paymentSchedule(decision: LetterDecision, advanceSharePercent: number | null): DecisionLetterInput["schedule"] {
  if (decision.outcome !== "SELECTED" || decision.amountGrantedCents === null || advanceSharePercent === null) return null;
  const tranches = splitGrant(decision.amountGrantedCents, advanceSharePercent);
  const amountOf = (kind: TrancheKind) => tranches.find((tranche) => tranche.kind === kind)?.amountCents ?? 0n;
  return { advanceSharePercent, advanceCents: amountOf("ADVANCE"), balanceCents: amountOf("BALANCE") };
}

/**
 * What a dossier's letter says, from its decision and its reviews: the criteria explained with the
 * wave's ranking setting, and the comments a manager marked releasable, in the grid's order (never
 * who wrote them: the reviews loaded carry no name), signed by the wave's signatory: without one,
 * no letter is made (and so nothing is released).
 */
function decisionLetterInput(
  scoring: WaveScoring,
  dossier: LetterDossier,
  decision: LetterDecision,
  releasedAt: Date,
): DecisionLetterInput {
  const criteria = scoring.criteriaOf(dossier.id);
  const reviews = scoring.reviewsOf(dossier.id);
  const aggregate = scoring.aggregateOf(dossier.id);
  const explained = explainCriteria(criteria, reviews, scoring.settingsOf(dossier.waveId).ranking);
  const comments = [
    ...criteria.flatMap((criterion) =>
      reviews.flatMap((review) =>
        review.scores
          .filter((score) => score.criterionId === criterion.id && score.commentReleasable && score.comment)
          .map((score) => ({ criterionCode: criterion.code, text: score.comment })),
      ),
    ),
    ...reviews
      .filter((review) => review.overallCommentReleasable && review.overallComment)
      .map((review) => ({ criterionCode: null, text: review.overallComment })),
  ];
  return {
    programme: dossier.wave.campaign.title,
    wave: dossier.wave.title,
    establishment: { name: dossier.establishment.name, finess: dossier.establishment.finessEt },
    reference: dossierReference(dossier.number),
    projectTitle: dossier.projectTitle,
    releasedAt,
    outcome: decision.outcome,
    amountRequestedCents: dossier.budgetLines.reduce((sum, line) => sum + line.amountCents, 0n),
    amountGrantedCents: decision.amountGrantedCents,
    schedule: paymentSchedule(decision, dossier.wave.advanceSharePercent),
    conditions: decision.conditions,
    reasons: decision.reasons,
    total: aggregate.raw,
    // The reviews the ranking counts (the spread is taken over them).
    reviewCount: aggregate.spread?.count ?? 0,
    criteria: explained,
    comments,
    signatory: requireLetterSignatory(dossier.wave),
  };
}

/**
 * Renders a decision's letter, printed with the SHA-256 of its content, and stores it under a new
 * key; returns what the decision records of it. The release (release-decisions.ts) and the demo's
 * decisions released earlier go through here, so the demo's letters are the app's.
 */
export async function storeDecisionLetter(
  storage: FileStorage,
  scoring: WaveScoring,
  dossier: LetterDossier,
  decision: LetterDecision,
  releasedAt: Date,
): Promise<{ letterKey: string; letterHash: string }> {
  const letter = decisionLetterInput(scoring, dossier, decision, releasedAt);
  const letterHash = letterHashOf(letter);
  const letterKey = generateStorageKey("decision-letters");
  await storage.put(letterKey, await renderDecisionLetterPdf(letter, letterHash), "application/pdf");
  return { letterKey, letterHash };
}
