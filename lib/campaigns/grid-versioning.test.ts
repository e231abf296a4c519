import { describe, expect, it } from "vitest";
import { parisDateTime } from "@/lib/time/paris";
import { decideGridChange, reusedCodeErrors, sameGrid } from "./grid-versioning";
import { DEFAULT_CRITERIA, DEFAULT_OBJECTIVES } from "./programme-defaults";

const content = { objectives: DEFAULT_OBJECTIVES, criteria: DEFAULT_CRITERIA };
const changed = {
  ...content,
  criteria: DEFAULT_CRITERIA.map((criterion, index) => (index === 0 ? { ...criterion, weight: 35 } : criterion)),
};
const opensAt = parisDateTime("2026-03-02T09:00");
const before = parisDateTime("2026-03-02T08:59");
const draftVersion = { frozenAt: null, applicationCount: 0, content };

describe("editing in place or making a new version", () => {
  it("edits in place before the opening, while no dossier holds the version", () => {
    expect(decideGridChange({ now: before, opensAt, current: draftVersion, next: changed })).toEqual({ kind: "EDIT_IN_PLACE" });
  });

  it("makes a new version from the opening instant on", () => {
    expect(decideGridChange({ now: opensAt, opensAt, current: draftVersion, next: changed })).toEqual({
      kind: "NEW_VERSION",
      because: "WAVE_OPENED",
    });
  });

  it("makes a new version when a dossier holds the current one, or it was frozen", () => {
    expect(decideGridChange({ now: before, opensAt, current: { ...draftVersion, applicationCount: 1 }, next: changed })).toEqual({
      kind: "NEW_VERSION",
      because: "DOSSIERS_STARTED",
    });
    expect(decideGridChange({ now: before, opensAt, current: { ...draftVersion, frozenAt: before }, next: changed })).toEqual({
      kind: "NEW_VERSION",
      because: "VERSION_FROZEN",
    });
  });

  it("changes nothing when the grid is the same", () => {
    expect(
      decideGridChange({
        now: opensAt,
        opensAt,
        current: draftVersion,
        next: { objectives: [...DEFAULT_OBJECTIVES], criteria: [...DEFAULT_CRITERIA] },
      }),
    ).toEqual({
      kind: "UNCHANGED",
    });
  });

  it("sees a change of order, of wording or of a flag", () => {
    expect(sameGrid(content, { ...content, objectives: [...DEFAULT_OBJECTIVES].reverse() })).toBe(false);
    expect(sameGrid(content, { ...content, objectives: DEFAULT_OBJECTIVES.map((o, i) => (i === 3 ? { ...o, required: true } : o)) })).toBe(
      false,
    );
    expect(
      sameGrid(content, { ...content, criteria: DEFAULT_CRITERIA.map((c, i) => (i === 4 ? { ...c, label: `${c.label}.` } : c)) }),
    ).toBe(false);
  });
});

describe("criterion ↔ objective links", () => {
  it("are part of the grid: linking a criterion to another objective is a change, their order is not", () => {
    const linked = { ...content, criteria: DEFAULT_CRITERIA.map((c, i) => (i === 0 ? { ...c, objectiveCodes: ["O1", "O2"] } : c)) };
    expect(
      sameGrid(linked, { ...linked, criteria: linked.criteria.map((c, i) => (i === 0 ? { ...c, objectiveCodes: ["O2", "O1"] } : c)) }),
    ).toBe(true);
    expect(sameGrid(linked, { ...linked, criteria: linked.criteria.map((c, i) => (i === 0 ? { ...c, objectiveCodes: ["O1"] } : c)) })).toBe(
      false,
    );
  });
});

describe("an objective's code keeps one meaning across the wave's versions", () => {
  const strongAuth = { code: "O7", title: "Authentification forte des professionnels externes" };
  const federation = { code: "O7", title: "Fédération d'identité avec Pro Santé Connect" };
  const identity = { code: "O1", title: "Identité" };

  it("refuses a code an earlier version gave to another objective, naming that version and objective", () => {
    // Version 2 dropped O7; version 3 would give the code to another objective.
    const earlier = [
      { number: 2, objectives: [identity] },
      { number: 1, objectives: [identity, strongAuth] },
    ];
    expect(reusedCodeErrors(earlier, [identity, federation])).toEqual({
      "objectives.1.code": [
        "Le code O7 désigne déjà, dans la version 1 de cette vague, l'objectif « Authentification forte des professionnels externes » : choisissez un autre code.",
      ],
    });
  });

  it("lets a version keep an objective (case and spacing of its title aside), drop it, or add a new code", () => {
    const earlier = [{ number: 1, objectives: [identity, strongAuth] }];
    expect(reusedCodeErrors(earlier, [identity, { ...strongAuth, title: `  ${strongAuth.title.toUpperCase()} ` }])).toEqual({});
    expect(reusedCodeErrors(earlier, [identity])).toEqual({});
    expect(reusedCodeErrors(earlier, [identity, strongAuth, { ...federation, code: "O8" }])).toEqual({});
    expect(reusedCodeErrors([], [federation])).toEqual({});
  });
});
