import { describe, expect, it } from "vitest";
import { dashboardTableFileName } from "./table-file-name";

const WAVE = "0193f1a2-0000-7000-8000-000000000001";
const DAY = "2026-12-06";

describe("dashboard table file name", () => {
  it("names the region, the category and the wave the table was filtered on", () => {
    expect(dashboardTableFileName("entonnoir", {}, null, "csv", DAY)).toBe("tableau-de-bord-entonnoir-2026-12-06.csv");
    expect(dashboardTableFileName("entonnoir", { region: "53" }, null, "csv", DAY)).toBe(
      "tableau-de-bord-entonnoir-bretagne-2026-12-06.csv",
    );
    expect(dashboardTableFileName("regions", { vague: WAVE, region: "11", categorie: "ESMS" }, "Vague pilote 2024", "xlsx", DAY)).toBe(
      "tableau-de-bord-regions-vague-pilote-2024-ile-de-france-categorie-esms-2026-12-06.xlsx",
    );
  });

  it("says the envelopes are national and never names a region or category they ignore", () => {
    expect(dashboardTableFileName("enveloppes", {}, null, "csv", DAY)).toBe("tableau-de-bord-enveloppes-nationales-2026-12-06.csv");
    expect(dashboardTableFileName("enveloppes", { region: "53", categorie: "ES", vague: WAVE }, "Vague pilote 2024", "csv", DAY)).toBe(
      "tableau-de-bord-enveloppes-nationales-vague-pilote-2024-2026-12-06.csv",
    );
  });
});
