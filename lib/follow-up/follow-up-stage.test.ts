import { describe, expect, it } from "vitest";
import { allTranchesPaid, followUpStage, isFollowUpOverdue } from "./follow-up-stage";

describe("followUpStage", () => {
  it("waits for the declaration while nothing is declared", () => {
    expect(followUpStage({ verification: null, paidInFull: false })).toBe("DECLARATION_PENDING");
  });

  it("follows the verification while it is open or refused", () => {
    for (const state of ["WITH_ARS", "WITH_ANS", "INFORMATION_REQUESTED", "REFUSED"] as const)
      expect(followUpStage({ verification: { state }, paidInFull: false })).toBe(state);
  });

  it("tells a validated declaration with money still to pay from a settled one", () => {
    expect(followUpStage({ verification: { state: "VALIDATED" }, paidInFull: false })).toBe("VALIDATED");
    expect(followUpStage({ verification: { state: "VALIDATED" }, paidInFull: true })).toBe("SETTLED");
  });
});

describe("allTranchesPaid", () => {
  it("is true only when the grant has tranches and every one is paid: a paid balance with the advance owed is not", () => {
    expect(allTranchesPaid(["PAID", "PAID"])).toBe(true);
    expect(allTranchesPaid(["DUE", "PAID"])).toBe(false);
    expect(allTranchesPaid(["ORDERED", "PAID"])).toBe(false);
    expect(allTranchesPaid(["PAID", "PLANNED"])).toBe(false);
    expect(allTranchesPaid([])).toBe(false);
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
