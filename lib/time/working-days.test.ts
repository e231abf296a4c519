import { describe, expect, it } from "vitest";
import { isWorkingDay, parisDay } from "./working-days";

describe("working days", () => {
  it("excludes week-ends and French public holidays, movable ones included", () => {
    expect(isWorkingDay("2026-11-30")).toBe(true); // a Monday
    expect(isWorkingDay("2026-11-28")).toBe(false); // Saturday
    expect(isWorkingDay("2026-11-29")).toBe(false); // Sunday
    expect(isWorkingDay("2026-11-11")).toBe(false); // Armistice, a Wednesday
    expect(isWorkingDay("2026-04-06")).toBe(false); // Easter Monday
    expect(isWorkingDay("2026-05-14")).toBe(false); // Ascension
    expect(isWorkingDay("2026-05-25")).toBe(false); // Whit Monday
    expect(isWorkingDay("2026-05-26")).toBe(true);
  });

  it("reads an instant's day in Paris time", () => {
    expect(parisDay(new Date("2026-11-29T23:30:00Z"))).toBe("2026-11-30");
    expect(parisDay(new Date("2026-07-01T21:59:00Z"))).toBe("2026-07-01");
  });
});
