import type { TrancheStatus } from "@/lib/db/generated/enums";
import { formatCalendarDate } from "@/lib/time/paris";
import type { TTrancheStepInput } from "./tranche-step-schema";

/**
 * The payment steps of a tranche, as data: a programme manager records its order (DUE → ORDERED,
 * with the day), then its payment (ORDERED → PAID, with the day and the payment reference). Going
 * back is a correction of a mistake, one step at a time, with a reason (PAID → ORDERED, ORDERED →
 * DUE). PLANNED → DUE is not a manager's step: the release (advance) and the validation of the
 * results (balance, `makeBalanceTrancheDue`) make a tranche due.
 *
 * Public API: `TRANCHE_STEPS`, `availableTrancheSteps`, `applyTrancheStep`, `TrancheFacts`, `TrancheChange`.
 */
export const TRANCHE_STEPS = {
  order: { from: "DUE", to: "ORDERED", label: "Enregistrer l'ordonnancement" },
  pay: { from: "ORDERED", to: "PAID", label: "Enregistrer le paiement" },
  "undo-order": { from: "ORDERED", to: "DUE", label: "Annuler l'ordonnancement" },
  "undo-payment": { from: "PAID", to: "ORDERED", label: "Annuler le paiement" },
} as const satisfies Record<TTrancheStepInput["step"], { from: TrancheStatus; to: TrancheStatus; label: string }>;

export type TrancheStep = keyof typeof TRANCHE_STEPS;

export function availableTrancheSteps(status: TrancheStatus): TrancheStep[] {
  return (Object.keys(TRANCHE_STEPS) as TrancheStep[]).filter((step) => TRANCHE_STEPS[step].from === status);
}

/** What the rules read of a tranche: its state, and its days (`YYYY-MM-DD`, Paris). */
export type TrancheFacts = { status: TrancheStatus; dueOn: string | null; orderedOn: string | null; paidOn: string | null };

/** The columns a step writes (null clears them). */
export type TrancheChange = { status: TrancheStatus; orderedOn: string | null; paidOn: string | null; paymentReference: string | null };

type Refusal = { ok: false; code: "INVALID_STATE" | "INVALID_INPUT"; message: string; field?: string };

const STATE_MESSAGES: Readonly<Record<TrancheStatus, string>> = {
  PLANNED: "Cette tranche n'est pas encore due : elle le sera à la validation des résultats.",
  DUE: "Cette tranche n'est pas encore ordonnancée.",
  ORDERED: "Cette tranche est déjà ordonnancée : rechargez la page.",
  PAID: "Cette tranche est déjà payée : rechargez la page.",
  CANCELLED: "Ce solde est annulé : les résultats déclarés ont été refusés.",
};

/** Whether `input` may be applied to the tranche on Paris day `today`, and what it changes. */
export function applyTrancheStep(
  tranche: TrancheFacts,
  input: TTrancheStepInput,
  today: string,
): { ok: true; change: TrancheChange } | Refusal {
  const rule = TRANCHE_STEPS[input.step];
  if (tranche.status !== rule.from) return { ok: false, code: "INVALID_STATE", message: STATE_MESSAGES[tranche.status] };
  const invalid = (field: string, message: string): Refusal => ({ ok: false, code: "INVALID_INPUT", field, message });
  switch (input.step) {
    case "order":
      if (input.orderedOn > today) return invalid("orderedOn", "La date d'ordonnancement ne peut pas être dans le futur.");
      if (tranche.dueOn !== null && input.orderedOn < tranche.dueOn)
        return invalid("orderedOn", `La tranche n'est due que depuis le ${formatCalendarDate(tranche.dueOn)} : vérifiez la date.`);
      return { ok: true, change: { status: rule.to, orderedOn: input.orderedOn, paidOn: null, paymentReference: null } };
    case "pay":
      if (input.paidOn > today) return invalid("paidOn", "La date de paiement ne peut pas être dans le futur.");
      if (tranche.orderedOn !== null && input.paidOn < tranche.orderedOn)
        return invalid("paidOn", `Le paiement ne peut pas précéder l'ordonnancement du ${formatCalendarDate(tranche.orderedOn)}.`);
      return {
        ok: true,
        change: { status: rule.to, orderedOn: tranche.orderedOn, paidOn: input.paidOn, paymentReference: input.paymentReference },
      };
    case "undo-order":
      return { ok: true, change: { status: rule.to, orderedOn: null, paidOn: null, paymentReference: null } };
    case "undo-payment":
      return { ok: true, change: { status: rule.to, orderedOn: tranche.orderedOn, paidOn: null, paymentReference: null } };
  }
}
