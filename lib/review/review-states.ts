import type { ApplicationState } from "@/lib/db/generated/enums";

/**
 * The states in which a dossier is being reviewed: its reviewers' declarations and reviews are still
 * expected. Scored (by the last review, or closed by a manager), decided or withdrawn, it needs no
 * more, and a review left in draft is no longer due.
 */
export function isInReview(state: ApplicationState): boolean {
  return state === "SUBMITTED" || state === "UNDER_REVIEW" || state === "INFORMATION_REQUESTED";
}
