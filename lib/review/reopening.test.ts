import { describe, expect, it } from "vitest";
import { reviewsCanBeReopened } from "./reopening";

describe("reopening a dossier's review", () => {
  it("is possible in review or scored while no decision is published", () => {
    expect(reviewsCanBeReopened("UNDER_REVIEW", false)).toBe(true);
    expect(reviewsCanBeReopened("SCORED", false)).toBe(true);
  });

  it("is not once a decision is published, a waitlisted dossier staying « évalué » included", () => {
    expect(reviewsCanBeReopened("SCORED", true)).toBe(false);
  });

  it("is not before review nor once decided", () => {
    for (const state of ["DRAFT", "SUBMITTED", "INFORMATION_REQUESTED", "SELECTED", "REJECTED", "WITHDRAWN"] as const)
      expect(reviewsCanBeReopened(state, false), state).toBe(false);
  });
});
