import { describe, expect, it } from "vitest";
import { PAST_DUE_DATE, ZAssignmentDueDateInput, ZAutomaticAssignmentInput } from "./assignment-schemas";

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
});
