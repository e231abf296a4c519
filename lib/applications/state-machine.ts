import { ApplicationState } from "@/lib/db/generated/enums";

export const APPLICATION_STATES = Object.values(ApplicationState);

/**
 * The life of a dossier: the one table every transition goes through (actions, seed, history).
 * Who may act is the role in the programme; ownership and deadlines are checked by the caller.
 */
export type Actor = "MEMBER" | "REVIEWER" | "PROGRAMME_MANAGER";

export type TransitionAction =
  | "submit"
  | "withdraw"
  | "startReview"
  | "requestInformation"
  | "answerInformationRequest"
  | "completeScoring"
  | "reopenReview"
  | "select"
  | "reject";

type Transition = { action: TransitionAction; from: ApplicationState; to: ApplicationState; by: Actor };

export const TRANSITIONS: readonly Transition[] = [
  { action: "submit", from: "DRAFT", to: "SUBMITTED", by: "MEMBER" },
  { action: "withdraw", from: "DRAFT", to: "WITHDRAWN", by: "MEMBER" },
  { action: "withdraw", from: "SUBMITTED", to: "WITHDRAWN", by: "MEMBER" },
  { action: "withdraw", from: "UNDER_REVIEW", to: "WITHDRAWN", by: "MEMBER" },
  { action: "withdraw", from: "INFORMATION_REQUESTED", to: "WITHDRAWN", by: "MEMBER" },
  { action: "startReview", from: "SUBMITTED", to: "UNDER_REVIEW", by: "PROGRAMME_MANAGER" },
  { action: "requestInformation", from: "UNDER_REVIEW", to: "INFORMATION_REQUESTED", by: "PROGRAMME_MANAGER" },
  { action: "answerInformationRequest", from: "INFORMATION_REQUESTED", to: "UNDER_REVIEW", by: "MEMBER" },
  { action: "completeScoring", from: "UNDER_REVIEW", to: "SCORED", by: "PROGRAMME_MANAGER" },
  // The review that completes the wave's last tier completes the scoring (lib/review/tier-completion.ts).
  { action: "completeScoring", from: "UNDER_REVIEW", to: "SCORED", by: "REVIEWER" },
  { action: "reopenReview", from: "SCORED", to: "UNDER_REVIEW", by: "PROGRAMME_MANAGER" },
  { action: "select", from: "SCORED", to: "SELECTED", by: "PROGRAMME_MANAGER" },
  { action: "reject", from: "SCORED", to: "REJECTED", by: "PROGRAMME_MANAGER" },
];

/**
 * « Retenu » and « non retenu » are reached only by releasing a wave's staged decisions together
 * (lib/decisions/release-decisions.ts, ADR 0013), never one dossier at a time; submitting has its
 * own use case (the receipt). The others are the actions of the dossier page.
 */
export const RELEASE_ACTIONS = ["select", "reject"] as const satisfies readonly TransitionAction[];
export type DossierPageAction = Exclude<TransitionAction, "submit" | (typeof RELEASE_ACTIONS)[number]>;

export function isDossierPageAction(action: TransitionAction): action is DossierPageAction {
  return action !== "submit" && !(RELEASE_ACTIONS as readonly TransitionAction[]).includes(action);
}

export type TransitionRefusal = "notAllowedFromState" | "notAllowedForRole";

/** The state a dossier moves to, or why it cannot. */
export function nextState(
  from: ApplicationState,
  action: TransitionAction,
  actor: Actor,
): { ok: true; to: ApplicationState } | { ok: false; reason: TransitionRefusal } {
  const fromHere = TRANSITIONS.filter((transition) => transition.from === from && transition.action === action);
  if (fromHere.length === 0) return { ok: false, reason: "notAllowedFromState" };
  const allowed = fromHere.find((transition) => transition.by === actor);
  return allowed ? { ok: true, to: allowed.to } : { ok: false, reason: "notAllowedForRole" };
}

/** Actions an actor can take on a dossier in a state (to show only the buttons that will work). */
export function availableActions(from: ApplicationState, actor: Actor): TransitionAction[] {
  return TRANSITIONS.filter((transition) => transition.from === from && transition.by === actor).map((transition) => transition.action);
}

/**
 * What the establishment's members are e-mailed about (lib/applications/notify-members.ts). A
 * review reopened is the programme correcting itself and asks nothing of the establishment: no
 * e-mail. « Évalué » is news once: reached again after a reopening, it is not announced again.
 */
export const UNANNOUNCED_ACTIONS: readonly TransitionAction[] = ["reopenReview"];
export const ANNOUNCED_ONCE: readonly ApplicationState[] = ["SCORED"];

/** States from which nothing moves any more. */
export const FINAL_STATES: readonly ApplicationState[] = ["SELECTED", "REJECTED", "WITHDRAWN"];

/** The applicant can edit the dossier's content only as a draft. */
export function isEditable(state: ApplicationState): boolean {
  return state === "DRAFT";
}

export const STATE_LABELS: Readonly<Record<ApplicationState, string>> = {
  DRAFT: "Brouillon",
  SUBMITTED: "Déposé",
  UNDER_REVIEW: "En instruction",
  INFORMATION_REQUESTED: "Complément demandé",
  SCORED: "Évalué",
  SELECTED: "Retenu",
  REJECTED: "Non retenu",
  WITHDRAWN: "Retiré",
};
