import { requirePermission } from "@/lib/access/policy";
import type { Viewer } from "@/lib/access/viewer";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { regionName } from "@/lib/establishments/territories";
import { TIER_ADJECTIVES } from "@/lib/review/labels";
import { grantedCents } from "./wave-lock";
import { loadWaveScoring } from "./wave-scoring";

/**
 * A dossier of the decisions board, for the manager who proposes: its figures, the staged proposal
 * (the form's values), the decisions already released, the envelope, and every reviewer's comment
 * with whether the letter may quote it. The reviews themselves are on the page through the review
 * follow-up.
 */
export async function getProposalWorkspace(viewer: Viewer, waveId: string, applicationId: string) {
  requirePermission(viewer, "application:decide");
  const dossier = await db.application.findUnique({
    where: { id: applicationId },
    select: {
      id: true,
      waveId: true,
      state: true,
      projectTitle: true,
      establishment: { select: { name: true, finessEt: true, regionCode: true, category: { select: { label: true } } } },
      budgetLines: { select: { amountCents: true } },
      wave: { select: { title: true, fundingEnvelopeCents: true } },
      decisions: {
        where: { supersededAt: null },
        orderBy: { stagedAt: "desc" },
        select: {
          id: true,
          outcome: true,
          amountGrantedCents: true,
          conditions: true,
          reasons: true,
          envelopeOverrideReason: true,
          stagedAt: true,
          releasedAt: true,
          letterKey: true,
        },
      },
    },
  });
  if (!dossier || dossier.waveId !== waveId) throw new AppError("NOT_FOUND");
  const [scoring, granted] = await Promise.all([loadWaveScoring(db, [waveId], { commentsOf: [dossier.id] }), grantedCents(db, waveId)]);
  const criteria = scoring.criteriaOf(dossier.id);
  const reviews = scoring.reviewsOf(dossier.id);
  const comments = reviews.flatMap((review, index) => {
    const author = `Évaluation ${String.fromCharCode(65 + index)}, niveau ${TIER_ADJECTIVES[review.tier]}`;
    return [
      ...criteria.flatMap((criterion) =>
        review.scores
          .filter((score) => score.criterionId === criterion.id && score.comment)
          .map((score) => ({
            kind: "score" as const,
            id: score.id,
            author,
            about: `${criterion.code} – ${criterion.label}`,
            text: score.comment,
            releasable: score.commentReleasable,
          })),
      ),
      ...(review.overallComment
        ? [
            {
              kind: "review" as const,
              id: review.reviewId,
              author,
              about: "Appréciation générale",
              text: review.overallComment,
              releasable: review.overallCommentReleasable,
            },
          ]
        : []),
    ];
  });
  return {
    dossier: {
      id: dossier.id,
      state: dossier.state,
      projectTitle: dossier.projectTitle,
      establishment: dossier.establishment.name,
      finess: dossier.establishment.finessEt,
      region: regionName(dossier.establishment.regionCode),
      category: dossier.establishment.category.label,
      requestedCents: dossier.budgetLines.reduce((sum, line) => sum + line.amountCents, 0n),
    },
    wave: { id: waveId, title: dossier.wave.title },
    aggregate: scoring.aggregateOf(dossier.id),
    staged: dossier.decisions.find((decision) => decision.releasedAt === null) ?? null,
    released: dossier.decisions.filter((decision) => decision.releasedAt !== null),
    envelope: { grantedCents: granted, envelopeCents: dossier.wave.fundingEnvelopeCents },
    comments,
  };
}
