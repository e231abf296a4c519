import { describe, expect, it } from "vitest";
import { PARIS_MISSING_TIME, PARIS_REPEATED_TIME } from "@/lib/time/paris";
import { PAST_DUE_DATE, ZAssignmentDueDateInput, ZAutomaticAssignmentInput, ZReviewSettingsInput } from "./assignment-schemas";

describe("an automatic assignment's caps", () => {
  const reviewer = "0190f3a2-0000-7000-8000-000000000001";

  it("refuse a cap of 0 for every reviewer, which would assign nothing, in French", () => {
    const parsed = ZAutomaticAssignmentInput.safeParse({ tier: "NATIONAL", defaultCap: 0 });
    expect(parsed.error?.flatten().fieldErrors).toEqual({
      defaultCap: ["Au moins 1 dossier par instructeur : avec 0, aucun dossier ne serait attribué."],
    });
  });

  it("take 1 or more for everyone, and 0 for one reviewer left out of this assignment", () => {
    expect(ZAutomaticAssignmentInput.safeParse({ tier: "NATIONAL", defaultCap: 1, caps: { [reviewer]: 0 } }).success).toBe(true);
  });
});

describe("a change of an assignment's due date", () => {
  it("reports a past date together with a missing reason, in one answer", () => {
    const parsed = ZAssignmentDueDateInput.safeParse({ dueAt: "2020-01-06T12:00", reason: "" });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.flatten().fieldErrors).toEqual({ dueAt: [PAST_DUE_DATE], reason: ["Indiquez le motif du changement."] });
  });

  it("takes a future date, or none to go back to the tier's", () => {
    expect(ZAssignmentDueDateInput.safeParse({ dueAt: "2999-01-06T12:00", reason: "Congé" }).success).toBe(true);
    expect(ZAssignmentDueDateInput.safeParse({ dueAt: "", reason: "Congé" }).success).toBe(true);
  });

  it("refuses the skipped and the repeated hour in the words of every other form", () => {
    const dueAt = (value: string) =>
      ZAssignmentDueDateInput.safeParse({ dueAt: value, reason: "Congé" }).error?.flatten().fieldErrors.dueAt;
    expect(dueAt("2999-03-31T02:30")).toEqual([PARIS_MISSING_TIME]);
    expect(dueAt("2999-10-27T02:30")).toEqual([PARIS_REPEATED_TIME]);
  });
});

describe("the review settings' due dates", () => {
  const settings = { reviewTiers: "REGIONAL_THEN_NATIONAL", reviewersPerDossier: 2, reviewersAnonymous: false, expectedVersion: 1 };

  it("refuse the skipped and the repeated hour in the words of every other form", () => {
    const parsed = ZReviewSettingsInput.safeParse({
      ...settings,
      regionalReviewDueAt: "2027-03-28T02:30",
      nationalReviewDueAt: "2027-10-31T02:30",
    });
    expect(parsed.error?.flatten().fieldErrors).toMatchObject({
      regionalReviewDueAt: [PARIS_MISSING_TIME],
      nationalReviewDueAt: [PARIS_REPEATED_TIME],
    });
  });
});
