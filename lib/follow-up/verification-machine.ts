import type { ReviewTier, ReviewTiers, VerificationAction, VerificationState } from "@/lib/db/generated/enums";

/**
 * The verification of a declaration of results (ADR 0020): the one table every step goes through.
 * The establishment declares; the ARS of its region checks (when the wave has a regional tier),
 * then the ANS validates. Either tier approves, refuses, or sends the declaration back to the
 * establishment for more information; the answer returns to the tier that asked.
 * Who holds each part is the policy's to say (lib/access/policy.ts, `decideVerificationAccess`).
 */
export type VerificationActor = "ESTABLISHMENT" | ReviewTier;

/** Before the declaration there is no verification row: the machine starts from here. */
export type VerificationPosition = VerificationState | "NOT_DECLARED";

/** What, besides the state, decides where a step leads: the wave's tiers, and who asked for information. */
export type VerificationContext = { tiers: ReviewTiers; askedBy: ReviewTier | null };

type Transition = {
  action: VerificationAction;
  from: VerificationPosition;
  to: VerificationState;
  by: VerificationActor;
  when?: Partial<VerificationContext>;
};

export const VERIFICATION_TRANSITIONS: readonly Transition[] = [
  { action: "DECLARE", from: "NOT_DECLARED", to: "WITH_ARS", by: "ESTABLISHMENT", when: { tiers: "REGIONAL_THEN_NATIONAL" } },
  { action: "DECLARE", from: "NOT_DECLARED", to: "WITH_ANS", by: "ESTABLISHMENT", when: { tiers: "NATIONAL_ONLY" } },
  { action: "APPROVE", from: "WITH_ARS", to: "WITH_ANS", by: "REGIONAL" },
  { action: "REFUSE", from: "WITH_ARS", to: "REFUSED", by: "REGIONAL" },
  { action: "REQUEST_INFORMATION", from: "WITH_ARS", to: "INFORMATION_REQUESTED", by: "REGIONAL" },
  { action: "APPROVE", from: "WITH_ANS", to: "VALIDATED", by: "NATIONAL" },
  { action: "REFUSE", from: "WITH_ANS", to: "REFUSED", by: "NATIONAL" },
  { action: "REQUEST_INFORMATION", from: "WITH_ANS", to: "INFORMATION_REQUESTED", by: "NATIONAL" },
  { action: "ANSWER", from: "INFORMATION_REQUESTED", to: "WITH_ARS", by: "ESTABLISHMENT", when: { askedBy: "REGIONAL" } },
  { action: "ANSWER", from: "INFORMATION_REQUESTED", to: "WITH_ANS", by: "ESTABLISHMENT", when: { askedBy: "NATIONAL" } },
];

export type VerificationRefusal = "notAllowedFromState" | "notAllowedForRole";

function applies(transition: Transition, context: VerificationContext): boolean {
  return (
    (transition.when?.tiers === undefined || transition.when.tiers === context.tiers) &&
    (transition.when?.askedBy === undefined || transition.when.askedBy === context.askedBy)
  );
}

/** The state a step leads to, or why it cannot be taken. */
export function nextVerificationState(
  from: VerificationPosition,
  action: VerificationAction,
  actor: VerificationActor,
  context: VerificationContext,
): { ok: true; to: VerificationState } | { ok: false; reason: VerificationRefusal } {
  const fromHere = VERIFICATION_TRANSITIONS.filter(
    (transition) => transition.from === from && transition.action === action && applies(transition, context),
  );
  if (fromHere.length === 0) return { ok: false, reason: "notAllowedFromState" };
  const allowed = fromHere.find((transition) => transition.by === actor);
  return allowed ? { ok: true, to: allowed.to } : { ok: false, reason: "notAllowedForRole" };
}

/** The steps an actor may take from a state (to offer only the forms that will work). */
export function availableVerificationActions(
  from: VerificationPosition,
  actor: VerificationActor,
  context: VerificationContext,
): VerificationAction[] {
  return VERIFICATION_TRANSITIONS.filter(
    (transition) => transition.from === from && transition.by === actor && applies(transition, context),
  ).map((transition) => transition.action);
}

/** The tier that holds a declaration in this state, if any. */
export function tierHolding(state: VerificationState): ReviewTier | null {
  return state === "WITH_ARS" ? "REGIONAL" : state === "WITH_ANS" ? "NATIONAL" : null;
}

/**
 * The tiers a declaration goes through on a wave, in order, read from the table: where the
 * declaration lands, then where each approval sends it, until it leaves the tiers (validated).
 * What documents and e-mails say of « who checks next » comes from here, not from a second rule.
 */
export function verificationPath(tiers: ReviewTiers): ReviewTier[] {
  const context = { tiers, askedBy: null };
  const path: ReviewTier[] = [];
  let step = nextVerificationState("NOT_DECLARED", "DECLARE", "ESTABLISHMENT", context);
  while (step.ok) {
    const tier = tierHolding(step.to);
    if (tier === null || path.includes(tier)) break;
    path.push(tier);
    step = nextVerificationState(step.to, "APPROVE", tier, context);
  }
  return path;
}

export const FINAL_VERIFICATION_STATES: readonly VerificationState[] = ["VALIDATED", "REFUSED"];

export const VERIFICATION_STATE_LABELS: Readonly<Record<VerificationState, string>> = {
  WITH_ARS: "Vérification par l'ARS",
  WITH_ANS: "Validation par l'ANS",
  INFORMATION_REQUESTED: "Complément demandé à l'établissement",
  VALIDATED: "Résultats validés",
  REFUSED: "Résultats refusés",
};

export const VERIFICATION_ACTION_LABELS: Readonly<Record<VerificationAction, string>> = {
  DECLARE: "Résultats déclarés",
  APPROVE: "Résultats approuvés",
  REFUSE: "Résultats refusés",
  REQUEST_INFORMATION: "Complément demandé",
  ANSWER: "Réponse de l'établissement",
};

export const TIER_LABELS = { REGIONAL: "ARS", NATIONAL: "ANS" } as const satisfies Record<ReviewTier, string>;
