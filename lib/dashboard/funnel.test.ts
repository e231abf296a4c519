import { describe, expect, it } from "vitest";
import { STATE_LABELS } from "@/lib/applications/state-machine";
import type { ApplicationState } from "@/lib/db/generated/enums";
import { FUNNEL_STAGES, funnelOf } from "./funnel";

describe("the dossiers' funnel", () => {
  it("counts every dossier as started, and each later stage as a subset of the one before", () => {
    expect(new Set(FUNNEL_STAGES[0]!.states)).toEqual(new Set(Object.keys(STATE_LABELS)));
    for (let index = 1; index < FUNNEL_STAGES.length; index++) {
      const before = new Set(FUNNEL_STAGES[index - 1]!.states);
      expect(
        FUNNEL_STAGES[index]!.states.every((state) => before.has(state)),
        FUNNEL_STAGES[index]!.key,
      ).toBe(true);
    }
  });

  it("adds up the states of each stage; a withdrawn or draft dossier was only started", () => {
    const counts: Partial<Record<ApplicationState, number>> = {
      DRAFT: 5,
      WITHDRAWN: 2,
      SUBMITTED: 4,
      INFORMATION_REQUESTED: 1,
      SCORED: 2,
      REJECTED: 1,
      SELECTED: 3,
    };
    expect(funnelOf(counts).map((stage) => [stage.key, stage.count])).toEqual([
      ["started", 18],
      ["submitted", 11],
      ["reviewed", 7],
      ["scored", 6],
      ["decided", 4],
      ["selected", 3],
    ]);
  });
});
