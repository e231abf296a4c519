import type { TrancheStatus, VerificationState } from "@/lib/db/generated/enums";
import { isVerificationOverdue } from "./verification-rules";

/**
 * Where a selected dossier stands after its decision (ADR 0020, 0021): waiting for its declaration
 * of results, in verification (with the ARS, with the ANS, back to the establishment), refused,
 * validated with money still to pay, or settled. One derivation for the board, its counts,
 * its export and the dashboard's funnel.
 */
export const FOLLOW_UP_STAGES = [
  "DECLARATION_PENDING",
  "WITH_ARS",
  "WITH_ANS",
  "INFORMATION_REQUESTED",
  "VALIDATED",
  "SETTLED",
  "REFUSED",
] as const;
export type FollowUpStage = (typeof FOLLOW_UP_STAGES)[number];

export const FOLLOW_UP_STAGE_LABELS: Readonly<Record<FollowUpStage, string>> = {
  DECLARATION_PENDING: "Déclaration attendue",
  WITH_ARS: "Vérification par l'ARS",
  WITH_ANS: "Validation par l'ANS",
  INFORMATION_REQUESTED: "Informations demandées",
  VALIDATED: "Validée, reste à verser",
  SETTLED: "Soldé",
  REFUSED: "Refusée",
};

/** The stages whose verification waits for someone, and so can be overdue. */
export const OPEN_VERIFICATION_STATES = ["WITH_ARS", "WITH_ANS", "INFORMATION_REQUESTED"] as const satisfies readonly VerificationState[];

export type FollowUpRows = {
  /** The verification of the dossier's declaration, null while nothing is declared. */
  verification: { state: VerificationState } | null;
  /** Whether the grant has tranches and every one of them is paid (`allTranchesPaid`). */
  paidInFull: boolean;
};

/**
 * A grant is settled when all its tranches are paid, not its balance alone: a balance paid while
 * the advance is still owed leaves money due to the establishment.
 */
export function allTranchesPaid(statuses: readonly TrancheStatus[]): boolean {
  return statuses.length > 0 && statuses.every((status) => status === "PAID");
}

export function followUpStage({ verification, paidInFull }: FollowUpRows): FollowUpStage {
  if (verification === null) return "DECLARATION_PENDING";
  if (verification.state === "VALIDATED") return paidInFull ? "SETTLED" : "VALIDATED";
  return verification.state;
}

/** Whether the verification's current step is past due: only an open one can be. */
export function isFollowUpOverdue(verification: { state: VerificationState; dueAt: Date } | null, now: Date): boolean {
  return (
    verification !== null &&
    (OPEN_VERIFICATION_STATES as readonly VerificationState[]).includes(verification.state) &&
    isVerificationOverdue(verification.dueAt, now)
  );
}
