import type { ApplicationState, ReviewTier, StaffRole } from "@/lib/db/generated/enums";
import { assignmentStanding, isPendingStanding } from "./review-states";

export type HeldAssignment = {
  tier: ReviewTier;
  regionCode: string;
  state: ApplicationState;
  submitted: boolean;
  hasConflict: boolean | null;
  /** The dossier's reference, « HC-00042 », which the manager finds on the dossiers' list. */
  reference: string;
  establishment: string;
};

/**
 * The assignments a reviewer still has to carry out that a new profile would not cover: the
 * regional tier is the ARS reviewers' of the dossier's region, the national tier the ANS
 * reviewers' (ADR 0007); a programme manager's covers none. Changing the profile or the role under
 * them would leave a review that its reviewer may not do (or one they should not), and the dossier
 * waiting on it for ever.
 */
export function assignmentsOutsideProfile(
  assignments: readonly HeldAssignment[],
  profile: { staffRole: StaffRole; regionCodes: readonly string[] },
): HeldAssignment[] {
  const covers = (assignment: HeldAssignment) =>
    assignment.tier === "NATIONAL"
      ? profile.staffRole === "REVIEWER"
      : profile.staffRole === "REGIONAL_REVIEWER" && profile.regionCodes.includes(assignment.regionCode);
  return assignments.filter((assignment) => isPendingStanding(assignmentStanding(assignment)) && !covers(assignment));
}

/** The first three dossiers, by reference and establishment, and how many more. */
function namedDossiers(assignments: ReadonlyArray<Pick<HeldAssignment, "reference" | "establishment">>): string {
  const names = assignments.slice(0, 3).map((assignment) => `${assignment.reference} « ${assignment.establishment} »`);
  const more = assignments.length > 3 ? ` et ${assignments.length - 3} autre${assignments.length > 4 ? "s" : ""}` : "";
  return `${names.join(", ")}${more}`;
}

/** The refusal that names them, in French (the first three dossiers, by reference and establishment). */
export function outsideProfileMessage(outside: readonly HeldAssignment[]): string {
  const [count, them] =
    outside.length > 1 ? [`${outside.length} dossiers à évaluer`, "retirez-les-lui"] : ["un dossier à évaluer", "retirez-le-lui"];
  return `Cet instructeur a ${count} que ce rôle ou ces régions ne couvrent plus (${namedDossiers(outside)}) : ${them} depuis la page de chaque dossier, puis changez son profil.`;
}

/** What the manager is told of the pairs a change of affiliations newly flags (`newlyFlaggedPairs`), in French. */
export function newlyFlaggedMessage(flagged: ReadonlyArray<Pick<HeldAssignment, "reference" | "establishment">>, reviewer: string): string {
  const [count, them] =
    flagged.length > 1
      ? [`${flagged.length} dossiers déjà attribués`, "vérifiez-les sur la page d'attribution de leur vague"]
      : ["un dossier déjà attribué", "vérifiez-le sur la page d'attribution de sa vague"];
  return `Ces liens d'intérêts concernent ${count} à ${reviewer} (${namedDossiers(flagged)}) : ${them}.`;
}
