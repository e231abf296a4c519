import { describe, expect, it } from "vitest";
import { dashboardScope, ZDashboardFilters } from "./filters";

describe("the dashboard's filters", () => {
  it("reads a wave, a region, a sector or a FINESS category, and the map's figure", () => {
    const wave = "0190f3a4-5b6c-7d8e-9f00-112233445566";
    expect(ZDashboardFilters.parse({ vague: wave, region: "04", categorie: "ESMS", carte: "rieCompliant" })).toEqual({
      vague: wave,
      region: "04",
      categorie: "ESMS",
      carte: "rieCompliant",
    });
    expect(ZDashboardFilters.parse({ categorie: "355" }).categorie).toBe("355");
  });

  it("falls back to no filter on anything malformed, instead of an error page", () => {
    expect(ZDashboardFilters.parse({ vague: "pas-une-vague", region: "99", categorie: "ES; DROP", carte: "autre" })).toEqual({
      vague: undefined,
      region: undefined,
      categorie: undefined,
      carte: "applied",
    });
  });

  it("gives the queries a sector as its category codes, a category as itself", () => {
    const categories = [
      { code: "355", sector: "HEALTH" as const },
      { code: "500", sector: "MEDICO_SOCIAL" as const },
      { code: "202", sector: "MEDICO_SOCIAL" as const },
    ];
    const scope = (query: Record<string, string>) => dashboardScope(ZDashboardFilters.parse(query), categories);
    expect(scope({ categorie: "ESMS", region: "84" })).toEqual({ vague: undefined, region: "84", categoryCodes: ["500", "202"] });
    expect(scope({ categorie: "ES" }).categoryCodes).toEqual(["355"]);
    expect(scope({ categorie: "500" }).categoryCodes).toEqual(["500"]);
    expect(scope({}).categoryCodes).toBeUndefined();
  });
});
