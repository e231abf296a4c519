import { describe, expect, it } from "vitest";
import type { ApplicationState } from "@/lib/db/generated/enums";
import { parisDateTime } from "@/lib/time/paris";
import { type AssignmentStanding, countsAsAssigned, reviewDeadline, reviewFrozenReason, workloadSummary } from "./review-states";

const DUE = parisDateTime("2026-12-04T18:00");
const AFTER = parisDateTime("2026-12-07T09:00");
const BEFORE = parisDateTime("2026-12-01T09:00");
const draft = (state: ApplicationState, overrides: { hasConflict?: boolean | null; submitted?: boolean; dueAt?: Date | null } = {}) => ({
  state,
  hasConflict: false,
  submitted: false,
  dueAt: DUE,
  ...overrides,
});

describe("reviewDeadline", () => {
  it("is overdue once the due date has passed, only while the dossier is « En instruction »", () => {
    expect(reviewDeadline(draft("UNDER_REVIEW"), AFTER)).toBe("OVERDUE");
    expect(reviewDeadline(draft("UNDER_REVIEW", { hasConflict: null }), AFTER)).toBe("OVERDUE");
    expect(reviewDeadline(draft("UNDER_REVIEW"), BEFORE)).toBe("ON_TIME");
    expect(reviewDeadline(draft("UNDER_REVIEW", { dueAt: null }), AFTER)).toBe("ON_TIME");
  });

  it("waits for the establishment while information is requested, late or not", () => {
    expect(reviewDeadline(draft("INFORMATION_REQUESTED"), AFTER)).toBe("AWAITING_INFORMATION");
    expect(reviewDeadline(draft("INFORMATION_REQUESTED", { hasConflict: null }), BEFORE)).toBe("AWAITING_INFORMATION");
  });

  it("expects nothing of a review transmitted, ended by a conflict, or on a dossier out of review", () => {
    expect(reviewDeadline(draft("UNDER_REVIEW", { submitted: true }), AFTER)).toBe("NOT_EXPECTED");
    expect(reviewDeadline(draft("UNDER_REVIEW", { hasConflict: true }), AFTER)).toBe("NOT_EXPECTED");
    for (const state of ["SCORED", "SELECTED", "REJECTED", "WITHDRAWN"] as const)
      expect(reviewDeadline(draft(state), AFTER), state).toBe("NOT_EXPECTED");
  });

  it("never calls late a review the reviewer cannot yet work on (dossier only « Déposé »)", () => {
    expect(reviewDeadline(draft("SUBMITTED"), AFTER)).toBe("ON_TIME");
  });
});

describe("workloadSummary", () => {
  it("counts a review no longer expected apart: neither done nor to do, nor among the assigned ones", () => {
    const standings: AssignmentStanding[] = ["SUBMITTED", "SUBMITTED", "TO_DECLARE", "IN_PROGRESS", "CLOSED"];
    expect(workloadSummary(standings)).toEqual({ submitted: 2, toDo: 2, noLongerExpected: 1 });
    expect(standings.filter(countsAsAssigned)).toHaveLength(4);
    expect(countsAsAssigned("CONFLICT")).toBe(false);
  });
});

describe("reviewFrozenReason", () => {
  it("names the complement the dossier awaits, and says the grid opens again with the answer", () => {
    expect(reviewFrozenReason("INFORMATION_REQUESTED")).toBe(
      "Le dossier attend le complément demandé à l'établissement : la grille est en lecture seule jusqu'à sa réponse.",
    );
  });

  it("says that a review is no longer expected once the dossier left review, naming its state", () => {
    expect(reviewFrozenReason("SCORED")).toBe("L'instruction de ce dossier est close (« Évalué ») : votre évaluation n'est plus attendue.");
    for (const state of ["SELECTED", "REJECTED", "WITHDRAWN"] as const)
      expect(reviewFrozenReason(state), state).toMatch(/n'est plus attendue\.$/);
  });

  it("never sends the reviewer back to the declaration of interests", () => {
    for (const state of ["SUBMITTED", "INFORMATION_REQUESTED", "SCORED", "WITHDRAWN"] as const)
      expect(reviewFrozenReason(state), state).not.toMatch(/conflit/);
  });
});
