import { describe, expect, it } from "vitest";
import { type Actor, APPLICATION_STATES, availableActions, nextState, type TransitionAction } from "./state-machine";

const ACTORS: Actor[] = ["MEMBER", "REVIEWER", "PROGRAMME_MANAGER"];
const ACTIONS: TransitionAction[] = [
  "submit",
  "withdraw",
  "startReview",
  "requestInformation",
  "answerInformationRequest",
  "completeScoring",
  "reopenReview",
  "select",
  "reject",
];

/** Every allowed move, written out independently of the table under test. */
const ALLOWED: Record<string, string> = {
  "DRAFT submit MEMBER": "SUBMITTED",
  "DRAFT withdraw MEMBER": "WITHDRAWN",
  "SUBMITTED withdraw MEMBER": "WITHDRAWN",
  "UNDER_REVIEW withdraw MEMBER": "WITHDRAWN",
  "INFORMATION_REQUESTED withdraw MEMBER": "WITHDRAWN",
  "SUBMITTED startReview PROGRAMME_MANAGER": "UNDER_REVIEW",
  "UNDER_REVIEW requestInformation PROGRAMME_MANAGER": "INFORMATION_REQUESTED",
  "INFORMATION_REQUESTED answerInformationRequest MEMBER": "UNDER_REVIEW",
  "UNDER_REVIEW completeScoring PROGRAMME_MANAGER": "SCORED",
  "UNDER_REVIEW completeScoring REVIEWER": "SCORED",
  "SCORED reopenReview PROGRAMME_MANAGER": "UNDER_REVIEW",
  "SCORED select PROGRAMME_MANAGER": "SELECTED",
  "SCORED reject PROGRAMME_MANAGER": "REJECTED",
};

const cases = APPLICATION_STATES.flatMap((state) => ACTIONS.flatMap((action) => ACTORS.map((actor) => [state, action, actor] as const)));

describe("dossier state machine", () => {
  it.each(cases)("%s --%s--> by %s", (state, action, actor) => {
    const expected = ALLOWED[`${state} ${action} ${actor}`];
    const result = nextState(state, action, actor);
    if (expected) {
      expect(result).toEqual({ ok: true, to: expected });
    } else {
      expect(result.ok).toBe(false);
      const someoneElseMay = ACTORS.some((other) => ALLOWED[`${state} ${action} ${other}`]);
      expect(result).toEqual({ ok: false, reason: someoneElseMay ? "notAllowedForRole" : "notAllowedFromState" });
    }
  });

  it("offers no action from a final state", () => {
    for (const state of ["SELECTED", "REJECTED", "WITHDRAWN"] as const) {
      for (const actor of ACTORS) expect(availableActions(state, actor)).toEqual([]);
    }
  });

  it("offers the member exactly submit and withdraw on a draft", () => {
    expect(availableActions("DRAFT", "MEMBER").sort()).toEqual(["submit", "withdraw"]);
  });
});
