import { describe, expect, it } from "vitest";
import { type BoardRow, filterAndSort, rankByNote, ZDecisionBoardFilters } from "./board-rows";

const row = (id: string, fields: Partial<BoardRow> = {}): BoardRow => ({
  id,
  reference: `HC-${id}`,
  establishment: `EHPAD ${id}`,
  finess: "790000015",
  regionCode: "75",
  region: "Nouvelle-Aquitaine",
  categoryCode: "500",
  category: "EHPAD",
  requestedCents: "100",
  raw: 50,
  normalised: 50,
  standardDeviation: 5,
  range: 10,
  toDiscuss: false,
  regionalReviews: 0,
  nationalReviews: 2,
  staged: null,
  released: null,
  ...fields,
});

describe("the decisions board's rows", () => {
  const rows = [
    row("A", { normalised: 70, toDiscuss: true }),
    row("B", { normalised: null, raw: null }),
    row("C", { normalised: 80, regionCode: "84", staged: { outcome: "SELECTED", amountGrantedCents: "100" } }),
    row("D", { normalised: 60, released: { outcome: "WAITLISTED", amountGrantedCents: null, releasedOn: "2027-01-15" } }),
  ];

  it("ranks by the normalised aggregate by default, the unscored last", () => {
    expect(filterAndSort(rows, ZDecisionBoardFilters.parse({})).map((each) => each.id)).toEqual(["C", "A", "D", "B"]);
    expect(filterAndSort(rows, ZDecisionBoardFilters.parse({ dir: "asc" })).map((each) => each.id)).toEqual(["D", "A", "C", "B"]);
  });

  it("filters by region, flag and decision, and falls back to defaults on nonsense", () => {
    expect(filterAndSort(rows, ZDecisionBoardFilters.parse({ region: "84" })).map((each) => each.id)).toEqual(["C"]);
    expect(filterAndSort(rows, ZDecisionBoardFilters.parse({ flag: "a-discuter" })).map((each) => each.id)).toEqual(["A"]);
    expect(filterAndSort(rows, ZDecisionBoardFilters.parse({ decision: "sans-proposition" })).map((each) => each.id)).toEqual(["A", "B"]);
    expect(filterAndSort(rows, ZDecisionBoardFilters.parse({ decision: "publiee" })).map((each) => each.id)).toEqual(["D"]);
    expect(ZDecisionBoardFilters.parse({ sort: "'; DROP", dir: "x", page: "-3" })).toMatchObject({
      sort: "normalised",
      dir: "desc",
      page: 1,
    });
  });
});

describe("a dossier's rank", () => {
  it("follows the normalised note, highest first, equal notes sharing a rank, none without a note", () => {
    const rows = [
      row("a", { normalised: 60 }),
      row("b", { normalised: 80 }),
      row("c", { normalised: 60 }),
      row("d", { normalised: null }),
      row("e", { normalised: 10 }),
    ];
    expect(Object.fromEntries(rankByNote(rows))).toEqual({ b: 1, a: 2, c: 2, e: 4 });
  });
});
