import { describe, expect, it } from "vitest";
import type { ProgrammeDashboard } from "./get-programme-dashboard";
import { EMPTY_ROLLOUT } from "./rollout-counts";
import { dashboardTable } from "./tables";

describe("dashboard tables", () => {
  it("list the rollout by category in the order of the categories' names, as the table of states does", () => {
    // Codes in the order 202 < 209 < 500, names in the order EHPAD < Résidence autonomie < SPASAD.
    const data = {
      categories: [
        { code: "202", label: "Résidence autonomie", sector: "ESMS" },
        { code: "209", label: "SPASAD", sector: "ESMS" },
        { code: "500", label: "EHPAD", sector: "ESMS" },
      ],
      rollout: { byCategory: ["202", "209", "500"].map((categoryCode) => ({ ...EMPTY_ROLLOUT, categoryCode })) },
    } as unknown as ProgrammeDashboard;
    expect(dashboardTable(data, "deploiement-categories").rows.map((row) => row[0])).toEqual([
      "EHPAD (500)",
      "Résidence autonomie (202)",
      "SPASAD (209)",
    ]);
  });
});
