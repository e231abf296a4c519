import { STATE_LABELS } from "@/lib/applications/state-machine";
import type { ApplicationState } from "@/lib/db/generated/enums";
import { isOverdue } from "./due-dates";

/**
 * The states in which a dossier is being reviewed: its reviewers' declarations and reviews are still
 * expected. Scored (by the last review, or closed by a manager), decided or withdrawn, it needs no
 * more, and a review left in draft is no longer due. They are also the dossiers that can take reviewers.
 */
export const IN_REVIEW_STATES = ["SUBMITTED", "UNDER_REVIEW", "INFORMATION_REQUESTED"] as const satisfies readonly ApplicationState[];

export function isInReview(state: ApplicationState): boolean {
  return (IN_REVIEW_STATES as readonly ApplicationState[]).includes(state);
}

/**
 * Where one assignment stands, as its reviewer's queue, their page and the managers' follow-up all
 * say it: a declared conflict ended it; a transmitted review is done; one left undone when the
 * dossier left review is no longer expected (« CLOSED »); otherwise interests are still to declare,
 * or the review is in progress.
 */
export type AssignmentStanding = "CONFLICT" | "SUBMITTED" | "CLOSED" | "TO_DECLARE" | "IN_PROGRESS";

export function assignmentStanding(assignment: {
  state: ApplicationState;
  hasConflict: boolean | null;
  submitted: boolean;
}): AssignmentStanding {
  if (assignment.hasConflict === true) return "CONFLICT";
  if (assignment.submitted) return "SUBMITTED";
  if (!isInReview(assignment.state)) return "CLOSED";
  return assignment.hasConflict === null ? "TO_DECLARE" : "IN_PROGRESS";
}

/** A review still to do: interests to declare or a draft, on a dossier in review. */
export function isPendingStanding(standing: AssignmentStanding): boolean {
  return standing === "TO_DECLARE" || standing === "IN_PROGRESS";
}

/**
 * A review counted among the assigned ones (ADR 0007): transmitted or still to do. Neither one a
 * declared conflict ended nor one left undone when its dossier left review (« CLOSED ») is.
 */
export function countsAsAssigned(standing: AssignmentStanding): boolean {
  return standing === "SUBMITTED" || isPendingStanding(standing);
}

/**
 * A reviewer's workload as their list sums it up: the reviews transmitted, those still to do, and
 * those no longer expected, counted apart so that « à faire » is only the work still awaited.
 */
export function workloadSummary(standings: readonly AssignmentStanding[]) {
  const count = (keep: (standing: AssignmentStanding) => boolean) => standings.filter(keep).length;
  return {
    submitted: count((standing) => standing === "SUBMITTED"),
    toDo: count(isPendingStanding),
    noLongerExpected: count((standing) => standing === "CLOSED"),
  };
}

/**
 * The states in which the reviewer can work on their review (the sheet is editable, reminders go out):
 * only there does its due date run. Asked for information (« Complément demandé »), the dossier waits
 * for the establishment: the sheet is read-only, the review still expected but not late.
 */
export const REVIEW_RUNNING_STATES = ["UNDER_REVIEW"] as const satisfies readonly ApplicationState[];

export function isReviewRunning(state: ApplicationState): boolean {
  return (REVIEW_RUNNING_STATES as readonly ApplicationState[]).includes(state);
}

/**
 * Why a draft review cannot be changed while its dossier is in `state`, one where the review is not
 * running: the workspace's notice, and the refusal of a save or a transmission (the policy's), say
 * the same. Each names the dossier's own state: one refusal for all sent a reviewer who had declared
 * long ago back to the declaration of interests.
 */
export function reviewFrozenReason(state: ApplicationState): string {
  if (state === "INFORMATION_REQUESTED")
    return "Le dossier attend le complément demandé à l'établissement : la grille est en lecture seule jusqu'à sa réponse.";
  return isInReview(state)
    ? `Le dossier est « ${STATE_LABELS[state]} » : l'évaluation ne peut pas être modifiée pour l'instant.`
    : `L'instruction de ce dossier est close (« ${STATE_LABELS[state]} ») : votre évaluation n'est plus attendue.`;
}

/**
 * Where one assignment stands against its due date, the same in every view (ADR 0007): not expected
 * (transmitted, ended by a conflict, or the dossier left review: closed, withdrawn, decided); waiting
 * for the information asked of the establishment; on time; or overdue, only while the reviewer can act.
 */
export type ReviewDeadline = "NOT_EXPECTED" | "AWAITING_INFORMATION" | "ON_TIME" | "OVERDUE";

export function reviewDeadline(
  assignment: { state: ApplicationState; hasConflict: boolean | null; submitted: boolean; dueAt: Date | null },
  now: Date,
): ReviewDeadline {
  if (!isPendingStanding(assignmentStanding(assignment))) return "NOT_EXPECTED";
  if (assignment.state === "INFORMATION_REQUESTED") return "AWAITING_INFORMATION";
  return isReviewRunning(assignment.state) && isOverdue(assignment.dueAt, false, now) ? "OVERDUE" : "ON_TIME";
}
