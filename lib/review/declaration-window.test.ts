import { describe, expect, it } from "vitest";
import { declarationClosedReason } from "./declaration-window";

describe("when a reviewer may declare their interests", () => {
  it("while the dossier is under review and their review is not transmitted", () => {
    for (const state of ["SUBMITTED", "UNDER_REVIEW", "INFORMATION_REQUESTED"] as const) {
      expect(declarationClosedReason(state, null), state).toBeNull();
      expect(declarationClosedReason(state, "DRAFT"), state).toBeNull();
    }
  });

  it("not once their review is transmitted: the programme reopens it first", () => {
    expect(declarationClosedReason("UNDER_REVIEW", "SUBMITTED")).toMatch(/^Votre évaluation est transmise/);
    expect(declarationClosedReason("SCORED", "SUBMITTED")).toMatch(/^Votre évaluation est transmise/);
  });

  it("not once the dossier is scored or decided, even with a draft or nothing declared", () => {
    for (const state of ["SCORED", "SELECTED", "REJECTED", "WITHDRAWN"] as const) {
      expect(declarationClosedReason(state, "DRAFT"), state).toMatch(/^Ce dossier n'est plus en instruction/);
      expect(declarationClosedReason(state, null), state).toMatch(/^Ce dossier n'est plus en instruction/);
    }
  });
});
