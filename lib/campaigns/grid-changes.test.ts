import { describe, expect, it } from "vitest";
import { describeAuditDetails } from "@/lib/audit/details";
import { gridChanges } from "./grid-changes";
import { DEFAULT_CRITERIA, DEFAULT_OBJECTIVES } from "./programme-defaults";

const grid = {
  objectives: DEFAULT_OBJECTIVES.slice(0, 2),
  criteria: DEFAULT_CRITERIA.slice(0, 2).map((criterion) => ({ ...criterion, objectiveCodes: ["O1"] })),
};

describe("a grid change as the audit log keeps it", () => {
  it("lists what was added, removed and changed, field by field, by code", () => {
    const [c1, c2] = grid.criteria as [(typeof grid.criteria)[number], (typeof grid.criteria)[number]];
    const next = {
      objectives: [{ ...grid.objectives[0]!, title: "Nouveau titre" }, { ...DEFAULT_OBJECTIVES[2]! }],
      criteria: [
        { ...c2, objectiveCodes: ["O3", "O1"] },
        { ...c1, weight: c1.weight + 5, scaleMax: 10 },
      ],
    };
    expect(gridChanges(grid, next)).toEqual({
      objectivesAdded: [DEFAULT_OBJECTIVES[2]!.code],
      objectivesRemoved: [grid.objectives[1]!.code],
      objectivesChanged: { O1: { title: { from: grid.objectives[0]!.title, to: "Nouveau titre" } } },
      criteriaChanged: {
        [c2.code]: { objectiveCodes: { from: ["O1"], to: ["O1", "O3"] } },
        [c1.code]: { weight: { from: c1.weight, to: c1.weight + 5 }, scaleMax: { from: c1.scaleMax, to: 10 } },
      },
    });
  });

  it("is empty when only the order of linked objectives differs, and reads in French", () => {
    const linked = { ...grid, criteria: grid.criteria.map((criterion) => ({ ...criterion, objectiveCodes: ["O1", "O2"] })) };
    const reordered = { ...grid, criteria: grid.criteria.map((criterion) => ({ ...criterion, objectiveCodes: ["O2", "O1"] })) };
    expect(gridChanges(linked, reordered)).toEqual({});
    const read = describeAuditDetails({ criteriaChanged: { C1: { weight: { from: 30, to: 40 } } }, objectivesAdded: ["O5"] }).map(
      ({ label, value }) => `${label} : ${value}`,
    );
    expect(read).toEqual(["Critères modifiés : C1 : Pondération : Avant : 30 ; Après : 40", "Objectifs ajoutés : O5"]);
  });
});
