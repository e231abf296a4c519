import { describe, expect, it } from "vitest";
import { calendarDateFromUtc, calendarDateToUtc, checkCalendarDate } from "./calendar-date";

describe("calendar dates", () => {
  it.each(["2026-02-13", "2028-02-29", "2000-01-01", "2100-12-31"])("accepts %s", (text) => {
    expect(checkCalendarDate(text)).toBeNull();
  });

  it.each([
    ["2026-02-30", "Cette date n'existe pas."],
    ["2027-02-29", "Cette date n'existe pas."],
    ["2026-13-01", "Cette date n'existe pas."],
    ["13/02/2026", "Indiquez une date valide (jj/mm/aaaa)."],
    ["2026-2-3", "Indiquez une date valide (jj/mm/aaaa)."],
    ["2026-02-13T00:00", "Indiquez une date valide (jj/mm/aaaa)."],
    ["0226-02-13", "L'année doit être comprise entre 2000 et 2100."],
  ])("refuses %s", (text, message) => {
    expect(checkCalendarDate(text)).toBe(message);
  });

  it("crosses the Prisma boundary at UTC midnight, both ways", () => {
    expect(calendarDateToUtc("2026-02-13").toISOString()).toBe("2026-02-13T00:00:00.000Z");
    expect(calendarDateFromUtc(new Date("2026-02-13T00:00:00.000Z"))).toBe("2026-02-13");
    expect(() => calendarDateToUtc("2026-02-30")).toThrow(RangeError);
  });
});
