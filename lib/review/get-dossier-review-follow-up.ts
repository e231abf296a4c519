import { hasPermission } from "@/lib/access/policy";
import type { Viewer } from "@/lib/access/viewer";
import { loadDossierFacts } from "@/lib/applications/dossier-facts";
import { loadReleasedDecision } from "@/lib/decisions/released-decision";
import { db } from "@/lib/db/client";
import { loadDossierReviews } from "./dossier-reviews";
import { loadSheetCriteria } from "./load-sheet-criteria";
import { assignmentsCanBeRemoved } from "./remove-assignment";
import { reviewsCanBeReopened } from "./reopening";

/** For programme managers on a dossier's page: every assignment and review, at any time; null for anyone else. */
export async function getDossierReviewFollowUp(viewer: Viewer, applicationId: string, now = new Date()) {
  if (!hasPermission(viewer, "reviewer:assign")) return null;
  const facts = await loadDossierFacts(db, applicationId);
  const [criteria, released] = await Promise.all([loadSheetCriteria(db, facts.waveVersionId), loadReleasedDecision(db, facts.id)]);
  return {
    waveId: facts.waveId,
    criteria,
    /** Whether « Retirer » may be offered on an assignment not yet submitted. */
    removable: assignmentsCanBeRemoved(facts.state),
    /** Whether « Rouvrir » may be offered on a submitted review. */
    reopenable: reviewsCanBeReopened(facts.state, released !== null),
    ...(await loadDossierReviews(viewer, facts, criteria, null, now)),
  };
}
