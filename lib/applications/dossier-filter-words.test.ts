import { describe, expect, it } from "vitest";
import { dossierExportFileName, dossierFiltersSummary, NO_DOSSIER_FILTER } from "./dossier-filter-words";

const WAVE = "0193f1a2-0000-7000-8000-000000000001";
const DAY = "2026-12-06";

describe("dossier export file name", () => {
  it("is the bare name without filters", () => {
    expect(dossierExportFileName("csv", {}, null, DAY)).toBe("dossiers-hospiconnect-2026-12-06.csv");
  });

  it("names the state, the wave, the region and the search, so that exports under different filters differ", () => {
    expect(dossierExportFileName("csv", { state: "SUBMITTED", wave: WAVE }, "Vague pilote 2024", DAY)).toBe(
      "dossiers-hospiconnect-depose-vague-pilote-2024-2026-12-06.csv",
    );
    expect(dossierExportFileName("xlsx", { region: "11", search: "Hôpital Nord" }, null, DAY)).toBe(
      "dossiers-hospiconnect-ile-de-france-recherche-hopital-nord-2026-12-06.xlsx",
    );
    const names = [{ state: "SUBMITTED" as const }, { wave: WAVE }, {}].map((filters) =>
      dossierExportFileName("csv", filters, "Vague pilote 2024", DAY),
    );
    expect(new Set(names).size).toBe(3);
  });
});

describe("dossier filters in words", () => {
  it("uses the list page's labels, in its order", () => {
    expect(dossierFiltersSummary({ state: "SUBMITTED", wave: WAVE, region: "53", search: "HC-00042" }, "Vague pilote 2024")).toBe(
      "Vague : Vague pilote 2024 ; État : Déposé ; Région : Bretagne ; Établissement, FINESS ou référence : « HC-00042 »",
    );
  });

  it("says when there is no filter and when the wave is gone", () => {
    expect(dossierFiltersSummary({}, null)).toBe(NO_DOSSIER_FILTER);
    expect(dossierFiltersSummary({ wave: WAVE }, null)).toBe("Vague : vague supprimée");
  });
});
