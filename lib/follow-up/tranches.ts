/**
 * The payment schedule of a grant: an advance at selection, a share of the amount granted, and the
 * balance on validation of the declared results. Euro cents as BigInt; the advance is rounded to
 * the nearest cent (half up) and the balance is what remains, so the tranches always add up to the
 * grant exactly. A tranche of 0 € is no tranche (ADR 0021): without an advance (0 %, or one that
 * rounds to nothing) the grant is paid in one go on validation, with all of it in advance (100 %,
 * or a balance that rounds to nothing) in one go at selection, as the decision letter says.
 *
 * Public API: `TrancheKind`, `Tranche`, `splitGrant`, `TrancheStatus`, `TRANCHE_LABELS`, `TRANCHE_STATUS_LABELS`.
 */
import type { TrancheKind, TrancheStatus } from "@/lib/db/generated/enums";

export type { TrancheKind, TrancheStatus };

export type Tranche = { kind: TrancheKind; amountCents: bigint };

/** The tranches of a grant, the advance first, each of more than 0 €. */
export function splitGrant(grantCents: bigint, advanceSharePercent: number): Tranche[] {
  if (grantCents < 0n) throw new RangeError("A grant cannot be negative");
  if (!Number.isInteger(advanceSharePercent) || advanceSharePercent < 0 || advanceSharePercent > 100) {
    throw new RangeError("The advance is a whole percentage between 0 and 100");
  }
  const advance = (grantCents * BigInt(advanceSharePercent) + 50n) / 100n;
  const tranches: Tranche[] = [
    { kind: "ADVANCE", amountCents: advance },
    { kind: "BALANCE", amountCents: grantCents - advance },
  ];
  return tranches.filter((tranche) => tranche.amountCents > 0n);
}

export const TRANCHE_LABELS: Readonly<Record<TrancheKind, string>> = {
  ADVANCE: "Avance à la sélection",
  BALANCE: "Solde à la validation des résultats",
};

/** A stored tranche's state (ADR 0021; the steps are lib/follow-up/tranche-steps.ts). */
export const TRANCHE_STATUS_LABELS: Readonly<Record<TrancheStatus, string>> = {
  PLANNED: "En attente de la validation des résultats",
  DUE: "À verser",
  ORDERED: "Ordonnancée",
  PAID: "Versée",
  CANCELLED: "Annulée : résultats refusés",
};
