import { describe, expect, it } from "vitest";
import { STATE_LABELS } from "@/lib/applications/state-machine";
import type { ApplicationState } from "@/lib/db/generated/enums";
import { FUNNEL_STAGES, funnelOf } from "./funnel";

const STATES = Object.keys(STATE_LABELS) as ApplicationState[];
/**
 * Every dossier there can be: a decision is released only on a scored dossier, which it leaves
 * « évalué » (waitlist) or moves on (« retenu », « non retenu »).
 */
const DOSSIERS = [
  ...STATES.map((state) => ({ state, decided: state === "SELECTED" || state === "REJECTED" })),
  { state: "SCORED" as const, decided: true },
];

describe("the dossiers' funnel", () => {
  it("counts every dossier as started, and each later stage as a subset of the one before", () => {
    expect(DOSSIERS.every((dossier) => FUNNEL_STAGES[0]!.includes(dossier))).toBe(true);
    for (let index = 1; index < FUNNEL_STAGES.length; index++) {
      const [before, stage] = [FUNNEL_STAGES[index - 1]!, FUNNEL_STAGES[index]!];
      expect(
        DOSSIERS.filter((dossier) => stage.includes(dossier)).every((dossier) => before.includes(dossier)),
        stage.key,
      ).toBe(true);
    }
  });

  it("adds up the states of each stage; a withdrawn or draft dossier was only started", () => {
    const counts: Array<{ state: ApplicationState; decided: boolean; count: number }> = [
      { state: "DRAFT", decided: false, count: 5 },
      { state: "WITHDRAWN", decided: false, count: 2 },
      { state: "SUBMITTED", decided: false, count: 4 },
      { state: "INFORMATION_REQUESTED", decided: false, count: 1 },
      { state: "SCORED", decided: false, count: 2 },
      { state: "REJECTED", decided: true, count: 1 },
      { state: "SELECTED", decided: true, count: 3 },
    ];
    expect(funnelOf(counts).map((stage) => [stage.key, stage.count])).toEqual([
      ["started", 18],
      ["submitted", 11],
      ["reviewed", 7],
      ["scored", 6],
      ["decided", 4],
      ["selected", 3],
    ]);
  });

  it("counts a dossier whose waitlist decision is released as decided, though it stays « évalué »", () => {
    const counts = [
      { state: "SCORED" as const, decided: false, count: 2 },
      { state: "SCORED" as const, decided: true, count: 1 },
      { state: "SELECTED" as const, decided: true, count: 2 },
    ];
    const stages = Object.fromEntries(funnelOf(counts).map((stage) => [stage.key, stage.count]));
    expect(stages).toMatchObject({ scored: 5, decided: 3, selected: 2 });
  });
});
