import {
  authorizeApplication,
  availableTransitions,
  canSeeReviewerNames,
  decideApplicationAccess,
  refusalMessage,
} from "@/lib/access/policy";
import { isReviewerRole, type Viewer } from "@/lib/access/viewer";
import { db } from "@/lib/db/client";
import type { StaffRole } from "@/lib/db/generated/enums";
import { RELEASED_DECISION_ARGS } from "@/lib/decisions/released-decision";
import { reviewsCanBeReopened } from "@/lib/review/reopening";
import { loadDossierFacts } from "./dossier-facts";
import { LOADED_DOSSIER_SELECT, loadedDossierOf, missingForSubmission } from "./load-dossier";
import { isDossierPageAction, isEditable } from "./state-machine";

/** Everything the dossier page shows, for whoever may read the dossier. */
export async function getDossier(viewer: Viewer, applicationId: string) {
  const facts = await loadDossierFacts(db, applicationId);
  authorizeApplication(viewer, facts, "read");
  // One query: what the submission and the receipt judge (`loadDossier`'s select), and what only
  // this page shows, its relations joined in the same statement (ADRs 0023, 0028).
  const application = await db.application.findUniqueOrThrow({
    where: { id: facts.id },
    select: {
      ...LOADED_DOSSIER_SELECT,
      wave: { select: { ...LOADED_DOSSIER_SELECT.wave.select, reviewersAnonymous: true } },
      responseDueAt: true,
      version: true,
      transitions: {
        orderBy: { at: "asc" },
        select: {
          id: true,
          fromState: true,
          toState: true,
          at: true,
          comment: true,
          actor: { select: { displayName: true, staffRole: true } },
        },
      },
      messages: {
        orderBy: { createdAt: "asc" },
        select: {
          id: true,
          body: true,
          createdAt: true,
          author: { select: { displayName: true, staffRole: true } },
          attachments: { select: { id: true, fileName: true, sizeBytes: true } },
        },
      },
      submissions: { orderBy: { receivedAt: "desc" }, take: 1, select: { receivedAt: true, contentHash: true, receiptKey: true } },
      decisions: RELEASED_DECISION_ARGS,
      sections: { select: { section: true, version: true, updatedAt: true, updatedBy: { select: { displayName: true } } } },
    },
  });
  const dossier = loadedDossierOf(application);
  const { transitions: history, messages, sections } = application;
  const submission = application.submissions[0] ?? null;
  const decision = application.decisions[0] ?? null;

  const transitions = availableTransitions(viewer, facts);
  // Submitting has its own button (and receipt), decisions their release; the rest go to the actions panel.
  const actions = transitions
    .filter(isDossierPageAction)
    .filter((action) => action !== "reopenReview" || reviewsCanBeReopened(facts.state, decision !== null));

  const editing = decideApplicationAccess(viewer, facts, "edit");
  return {
    ...dossier,
    version: application.version,
    responseDueAt: application.responseDueAt,
    history: history.map(({ actor, ...step }) => ({ ...step, actor: actor && historyActorName(viewer, application.wave, actor) })),
    messages,
    submission: submission && {
      receivedAt: submission.receivedAt,
      contentHash: submission.contentHash,
      receiptReady: submission.receiptKey !== null,
    },
    decision,
    sections,
    missing: isEditable(facts.state) ? missingForSubmission(dossier) : [],
    can: {
      edit: editing.allowed,
      submit: transitions.includes("submit"),
      message: decideApplicationAccess(viewer, facts, "message").allowed,
    },
    actions,
    /** Why the viewer may not change the content, when they may not (shown on the section pages). */
    readOnlyReason: editing.allowed || editing.refusal === "not-visible" ? null : refusalMessage("edit", editing.refusal, facts.state),
  };
}

export type Dossier = Awaited<ReturnType<typeof getDossier>>;

/**
 * Who made a step of the history, as the viewer may know it. The review that completes a dossier's
 * scoring moves it to « évalué » in that reviewer's name: a reviewer is named only to the staff who
 * see reviewers' names on the reviews themselves (managers; reviewers when the wave does not keep
 * them anonymous), never to the establishment, which learns only that the review did it.
 */
function historyActorName(
  viewer: Viewer,
  wave: { reviewersAnonymous: boolean },
  actor: { displayName: string; staffRole: StaffRole | null },
): string {
  const reviewer = isReviewerRole(actor.staffRole);
  return !reviewer || (viewer.staffRole !== null && canSeeReviewerNames(viewer, wave)) ? actor.displayName : "instruction";
}
