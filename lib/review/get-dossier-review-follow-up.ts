import { hasPermission } from "@/lib/access/policy";
import type { Viewer } from "@/lib/access/viewer";
import { loadDossierFacts } from "@/lib/applications/dossier-facts";
import { db } from "@/lib/db/client";
import { loadDossierReviews } from "./dossier-reviews";
import { loadSheetCriteria } from "./load-sheet-criteria";
import { assignmentsCanBeRemoved } from "./remove-assignment";

/** For programme managers on a dossier's page: every assignment and review, at any time; null for anyone else. */
export async function getDossierReviewFollowUp(viewer: Viewer, applicationId: string, now = new Date()) {
  if (!hasPermission(viewer, "reviewer:assign")) return null;
  const facts = await loadDossierFacts(db, applicationId);
  const criteria = await loadSheetCriteria(db, facts.waveVersionId);
  return {
    waveId: facts.waveId,
    criteria,
    /** Whether « Retirer » may be offered on an assignment not yet submitted. */
    removable: assignmentsCanBeRemoved(facts.state),
    ...(await loadDossierReviews(viewer, facts, criteria, null, now)),
  };
}
