import { describe, expect, it } from "vitest";
import { PAST_DUE_DATE, ZAssignmentDueDateInput } from "./assignment-schemas";

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
