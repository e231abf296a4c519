import type { Prisma } from "@/lib/db/generated/client";
import { splitGrant } from "./tranches";

type Writer = Pick<Prisma.TransactionClient, "tranche">;

export type ReleasedGrant = { applicationId: string; decisionId: string; amountGrantedCents: bigint; releasedAt: Date };

/**
 * Stores the tranches of released grants, in the caller's transaction: the advance due from the
 * release, the balance planned until the results are validated; a grant paid in one go has one of
 * them only. Their amounts are computed once, here (lib/follow-up/tranches.ts). Nothing when the
 * wave has no advance share yet (its tranches come when it is set) or for a grant that has them already.
 */
export async function createTranches(tx: Writer, grants: readonly ReleasedGrant[], advanceSharePercent: number | null): Promise<number> {
  if (advanceSharePercent === null || grants.length === 0) return 0;
  const created = await tx.tranche.createMany({
    data: grants.flatMap((grant) =>
      splitGrant(grant.amountGrantedCents, advanceSharePercent).map((tranche) => ({
        applicationId: grant.applicationId,
        decisionId: grant.decisionId,
        kind: tranche.kind,
        amountCents: tranche.amountCents,
        ...(tranche.kind === "ADVANCE" ? { status: "DUE" as const, dueAt: grant.releasedAt } : { status: "PLANNED" as const }),
      })),
    ),
    skipDuplicates: true,
  });
  return created.count;
}

/** The released grants of a wave that have no tranches yet (its advance share was not set at their release). */
export async function grantsWithoutTranches(tx: Pick<Prisma.TransactionClient, "decision">, waveId: string): Promise<ReleasedGrant[]> {
  const decisions = await tx.decision.findMany({
    where: {
      waveId,
      outcome: "SELECTED",
      releasedAt: { not: null },
      supersededAt: null,
      amountGrantedCents: { not: null },
      application: { tranches: { none: {} } },
    },
    select: { id: true, applicationId: true, amountGrantedCents: true, releasedAt: true },
  });
  return decisions.map((decision) => ({
    applicationId: decision.applicationId,
    decisionId: decision.id,
    amountGrantedCents: decision.amountGrantedCents!,
    releasedAt: decision.releasedAt!,
  }));
}
