import { describe, expect, it } from "vitest";
import { followUpStage, isFollowUpOverdue } from "./follow-up-stage";

describe("followUpStage", () => {
  it("waits for the declaration while nothing is declared", () => {
    expect(followUpStage({ verification: null, balance: "PLANNED" })).toBe("DECLARATION_PENDING");
  });

  it("follows the verification while it is open or refused", () => {
    for (const state of ["WITH_ARS", "WITH_ANS", "INFORMATION_REQUESTED", "REFUSED"] as const)
      expect(followUpStage({ verification: { state }, balance: "PLANNED" })).toBe(state);
  });

  it("tells a validated declaration whose balance is still to pay from a settled one", () => {
    expect(followUpStage({ verification: { state: "VALIDATED" }, balance: "DUE" })).toBe("VALIDATED");
    expect(followUpStage({ verification: { state: "VALIDATED" }, balance: "ORDERED" })).toBe("VALIDATED");
    expect(followUpStage({ verification: { state: "VALIDATED" }, balance: null })).toBe("VALIDATED");
    expect(followUpStage({ verification: { state: "VALIDATED" }, balance: "PAID" })).toBe("SETTLED");
  });
});

describe("isFollowUpOverdue", () => {
  const now = new Date("2026-06-01T10:00:00Z");
  const past = new Date("2026-05-31T10:00:00Z");
  const future = new Date("2026-06-02T10:00:00Z");

  it("flags an open step past its due date, from the due instant on", () => {
    expect(isFollowUpOverdue({ state: "WITH_ARS", dueAt: past }, now)).toBe(true);
    expect(isFollowUpOverdue({ state: "INFORMATION_REQUESTED", dueAt: now }, now)).toBe(true);
    expect(isFollowUpOverdue({ state: "WITH_ANS", dueAt: future }, now)).toBe(false);
  });

  it("never flags a closed verification nor a missing declaration", () => {
    expect(isFollowUpOverdue({ state: "VALIDATED", dueAt: past }, now)).toBe(false);
    expect(isFollowUpOverdue({ state: "REFUSED", dueAt: past }, now)).toBe(false);
    expect(isFollowUpOverdue(null, now)).toBe(false);
  });
});
