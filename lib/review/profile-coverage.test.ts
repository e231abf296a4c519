import { describe, expect, it } from "vitest";
import { assignmentsOutsideProfile, type HeldAssignment, newlyFlaggedMessage, outsideProfileMessage } from "./profile-coverage";

const held = (fields: Partial<HeldAssignment>): HeldAssignment => ({
  tier: "REGIONAL",
  regionCode: "44",
  state: "UNDER_REVIEW",
  submitted: false,
  hasConflict: false,
  reference: "HC-00042",
  establishment: "EHPAD Les Tilleuls",
  ...fields,
});

describe("assignments a new reviewer profile would not cover", () => {
  it("a regional review left to someone who is no longer an ARS reviewer of its region", () => {
    const regional = held({ tier: "REGIONAL", regionCode: "44" });
    expect(assignmentsOutsideProfile([regional], { staffRole: "REGIONAL_REVIEWER", regionCodes: ["44", "11"] })).toEqual([]);
    expect(assignmentsOutsideProfile([regional], { staffRole: "REGIONAL_REVIEWER", regionCodes: ["11"] })).toEqual([regional]);
    expect(assignmentsOutsideProfile([regional], { staffRole: "REVIEWER", regionCodes: [] })).toEqual([regional]);
  });

  it("a national review left to someone who is no longer an ANS reviewer", () => {
    const national = held({ tier: "NATIONAL" });
    expect(assignmentsOutsideProfile([national], { staffRole: "REVIEWER", regionCodes: [] })).toEqual([]);
    expect(assignmentsOutsideProfile([national], { staffRole: "REGIONAL_REVIEWER", regionCodes: ["44"] })).toEqual([national]);
  });

  it("never what is done or ended: a submitted review, a declared conflict, a dossier out of review", () => {
    const profile = { staffRole: "REVIEWER", regionCodes: [] } as const;
    expect(assignmentsOutsideProfile([held({ submitted: true })], profile)).toEqual([]);
    expect(assignmentsOutsideProfile([held({ hasConflict: true })], profile)).toEqual([]);
    for (const state of ["SCORED", "SELECTED", "REJECTED", "WITHDRAWN"] as const)
      expect(assignmentsOutsideProfile([held({ state })], profile), state).toEqual([]);
    for (const state of ["SUBMITTED", "INFORMATION_REQUESTED"] as const)
      expect(assignmentsOutsideProfile([held({ state, hasConflict: null })], profile), state).toHaveLength(1);
  });

  it("names the first three dossiers and counts the rest", () => {
    expect(outsideProfileMessage([held({})])).toBe(
      "Cet instructeur a un dossier à évaluer que ce rôle ou ces régions ne couvrent plus (HC-00042 « EHPAD Les Tilleuls ») : retirez-le-lui depuis la page de chaque dossier, puis changez son profil.",
    );
    const five = ["A", "B", "C", "D", "E"].map((name, index) => held({ reference: `HC-0000${index + 1}`, establishment: `EHPAD ${name}` }));
    expect(outsideProfileMessage(five)).toContain("5 dossiers à évaluer");
    expect(outsideProfileMessage(five)).toContain(
      "(HC-00001 « EHPAD A », HC-00002 « EHPAD B », HC-00003 « EHPAD C » et 2 autres) : retirez-les-lui",
    );
  });
});

describe("the warning of pairs already assigned that new affiliations flag", () => {
  it("names the reviewer, the dossiers, and where to check them", () => {
    expect(newlyFlaggedMessage([held({})], "Karim Benali")).toBe(
      "Ces liens d'intérêts concernent un dossier déjà attribué à Karim Benali (HC-00042 « EHPAD Les Tilleuls ») : vérifiez-le sur la page d'attribution de sa vague.",
    );
    const two = [held({}), held({ reference: "HC-00043", establishment: "IME Les Sources" })];
    expect(newlyFlaggedMessage(two, "Karim Benali")).toBe(
      "Ces liens d'intérêts concernent 2 dossiers déjà attribués à Karim Benali (HC-00042 « EHPAD Les Tilleuls », HC-00043 « IME Les Sources ») : vérifiez-les sur la page d'attribution de leur vague.",
    );
  });
});
