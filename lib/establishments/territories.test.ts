import { describe, expect, it } from "vitest";
import { DEPARTMENT_OPTIONS, DEPARTMENTS, REGION_OPTIONS, REGIONS } from "./territories";

describe("territory choices", () => {
  it("lists every department once, in the official order", () => {
    const codes = DEPARTMENT_OPTIONS.map((option) => option.value);
    expect(codes).toHaveLength(Object.keys(DEPARTMENTS).length);
    expect(codes.slice(0, 3)).toEqual(["01", "02", "03"]);
    expect(codes.slice(codes.indexOf("19"), codes.indexOf("19") + 4)).toEqual(["19", "2A", "2B", "21"]);
    expect(codes.slice(-5)).toEqual(["971", "972", "973", "974", "976"]);
    expect(DEPARTMENT_OPTIONS[0]!.label).toBe("01 – Ain");
  });

  it("lists every region once, by name", () => {
    const names = REGION_OPTIONS.map((option) => option.label);
    expect(names).toHaveLength(Object.keys(REGIONS).length);
    expect(names.slice(0, 3)).toEqual(["Auvergne-Rhône-Alpes", "Bourgogne-Franche-Comté", "Bretagne"]);
    expect(names.indexOf("Île-de-France")).toBeGreaterThan(names.indexOf("Hauts-de-France"));
    expect(names.indexOf("Île-de-France")).toBeLessThan(names.indexOf("La Réunion"));
  });
});
