import { describe, expect, it } from "vitest";
import { FILE_FILTERS_MAX, fileNameWords, filteredFileName } from "./file-name";

describe("file name words", () => {
  it.each([
    ["Vague de généralisation 2025", "vague-de-generalisation-2025"],
    ["Vague pilote 2024 (HospiConnect / Hop'en 2)", "vague-pilote-2024-hospiconnect-hop-en-2"],
    ["  Île-de-France : ESMS  ", "ile-de-france-esms"],
  ])("« %s » → %s", (title, words) => {
    expect(fileNameWords(title)).toBe(words);
  });
});

describe("filtered file names", () => {
  it("puts the filters' words between the base and the day", () => {
    expect(filteredFileName("dossiers-hospiconnect", ["Déposé", "Vague pilote 2024"], "csv", "2026-12-06")).toBe(
      "dossiers-hospiconnect-depose-vague-pilote-2024-2026-12-06.csv",
    );
  });

  it("leaves out the filters not set and keeps the bare name without any", () => {
    expect(filteredFileName("dossiers-hospiconnect", ["", "  ", "«»"], "xlsx", "2026-12-06")).toBe("dossiers-hospiconnect-2026-12-06.xlsx");
  });

  it("keeps the name ASCII and bounded however long the filters", () => {
    const name = filteredFileName("base", ["Œuvre ".repeat(20), "Île-de-France ".repeat(20), "x".repeat(200)], "csv", "2026-12-06");
    expect(name).toMatch(/^[a-z0-9.-]+$/);
    expect(name.length).toBeLessThanOrEqual("base-".length + FILE_FILTERS_MAX + "-2026-12-06.csv".length);
    expect(name).toMatch(/^base-oeuvre-oeuvre-.*[a-z0-9]-2026-12-06\.csv$/);
    expect(name).not.toContain("--");
  });
});
