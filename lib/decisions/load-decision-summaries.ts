import type { Db } from "@/lib/db/client";
import type { DecisionOutcome, ReviewTier } from "@/lib/db/generated/enums";
import type { Spread } from "./aggregation";
import { groupBy } from "./group-by";
import { loadWaveScoring } from "./wave-scoring";

type Proposal = {
  id: string;
  outcome: DecisionOutcome;
  amountGrantedCents: bigint | null;
  stagedAt: Date;
  releasedAt: Date | null;
  envelopeOverrideReason: string | null;
};

/** A dossier's scoring and decision, as the decisions board and the dashboards show them. */
export type DecisionSummary = {
  applicationId: string;
  waveId: string;
  /** Ranking aggregate on 0–100 from the raw totals, and from the totals normalised per reviewer. */
  raw: number | null;
  normalised: number | null;
  spread: Spread | null;
  toDiscuss: boolean;
  reviewsPerTier: Record<ReviewTier, number>;
  /** The proposal waiting for the wave's release, if any. */
  staged: Proposal | null;
  /** The latest released decision, if any. */
  released: Proposal | null;
};

type Reader = Pick<Db, "application" | "wave" | "criterion" | "review" | "decision" | "$queryRaw">;

/**
 * The decision summaries of the given dossiers (missing ids are left out), in a fixed number of
 * queries whatever their count. Normalisation runs over every review of their waves, so a dossier's
 * figures are the same whichever other dossiers are asked for.
 */
export async function loadDecisionSummaries(client: Reader, applicationIds: readonly string[]): Promise<Map<string, DecisionSummary>> {
  const [dossiers, decisions] = await Promise.all([
    client.application.findMany({ where: { id: { in: [...applicationIds] } }, select: { id: true, waveId: true } }),
    client.decision.findMany({
      where: { applicationId: { in: [...applicationIds] }, supersededAt: null },
      orderBy: { stagedAt: "asc" },
      select: {
        id: true,
        applicationId: true,
        outcome: true,
        amountGrantedCents: true,
        stagedAt: true,
        releasedAt: true,
        envelopeOverrideReason: true,
      },
    }),
  ]);
  const scoring = await loadWaveScoring(client, [...new Set(dossiers.map((dossier) => dossier.waveId))]);
  const decisionsOf = groupBy(decisions, (decision) => decision.applicationId);
  const summaries = new Map<string, DecisionSummary>();
  for (const dossier of dossiers) {
    const own = decisionsOf.get(dossier.id) ?? [];
    const strip = ({ applicationId: _, ...proposal }: (typeof own)[number]): Proposal => proposal;
    const staged = own.find((decision) => decision.releasedAt === null);
    const released = own.filter((decision) => decision.releasedAt !== null).at(-1);
    summaries.set(dossier.id, {
      applicationId: dossier.id,
      waveId: dossier.waveId,
      ...scoring.aggregateOf(dossier.id),
      staged: staged ? strip(staged) : null,
      released: released ? strip(released) : null,
    });
  }
  return summaries;
}
