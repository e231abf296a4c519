import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";

/**
 * Takes the wave's row lock for the rest of the caller's transaction: proposals and the release of
 * a wave's decisions queue behind each other, so two managers never both fit under the envelope
 * and a retried release finds nothing left to release.
 */
export async function lockWaveForDecisions(
  tx: Pick<Db, "$queryRaw">,
  waveId: string,
): Promise<{ fundingEnvelopeCents: bigint; advanceSharePercent: number | null }> {
  const [wave] = await tx.$queryRaw<
    Array<{ fundingEnvelopeCents: bigint; advanceSharePercent: number | null }>
  >`SELECT "fundingEnvelopeCents", "advanceSharePercent" FROM "Wave" WHERE "id" = ${waveId}::uuid FOR UPDATE`;
  if (!wave) throw new AppError("NOT_FOUND");
  return wave;
}

/** The wave's live grants (released, or staged and not replaced), in cents. */
export async function grantedCents(tx: Pick<Db, "decision">, waveId: string): Promise<bigint> {
  const sum = await tx.decision.aggregate({
    where: { waveId, outcome: "SELECTED", supersededAt: null },
    _sum: { amountGrantedCents: true },
  });
  return sum._sum.amountGrantedCents ?? 0n;
}

/** What the wave's published decisions grant (released, not replaced), in cents: the envelope's floor. */
export async function releasedGrantsCents(tx: Pick<Db, "decision">, waveId: string): Promise<bigint> {
  const sum = await tx.decision.aggregate({
    where: { waveId, outcome: "SELECTED", supersededAt: null, releasedAt: { not: null } },
    _sum: { amountGrantedCents: true },
  });
  return sum._sum.amountGrantedCents ?? 0n;
}
