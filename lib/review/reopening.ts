import type { ApplicationState } from "@/lib/db/generated/enums";

export const DECISION_PUBLISHED = "Une décision a été publiée pour ce dossier : son instruction ne peut plus être rouverte.";

/**
 * Whether a dossier's review can be reopened (the whole of it from the dossier's actions, or one
 * submitted review): while it is in review or scored, and no decision on it is published. A
 * waitlisted dossier stays « évalué » once its letter is sent; reopening it would put it back « en
 * instruction » under that letter and announce « Évalué » again after it.
 */
export function reviewsCanBeReopened(state: ApplicationState, decisionReleased: boolean): boolean {
  return (state === "UNDER_REVIEW" || state === "SCORED") && !decisionReleased;
}
