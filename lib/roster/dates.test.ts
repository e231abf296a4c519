import { describe, expect, it } from "vitest";
import { addYears, dayToDate, dayToIsoDate, formatDayFr, formatDayFrLong, parseFrenchDay, parseIsoDay, toDay } from "./dates";

describe("roster days", () => {
  it("reads ISO strings and Prisma's UTC-midnight Dates as the same day", () => {
    expect(toDay("2026-01-01")).toBe(toDay(new Date("2026-01-01T00:00:00Z")));
    expect(toDay(new Date("2026-01-01T23:59:59Z"))).toBe(toDay("2026-01-01"));
    expect(dayToDate(toDay("2026-01-01")).toISOString()).toBe("2026-01-01T00:00:00.000Z");
  });

  it("refuses dates that do not exist", () => {
    expect(parseIsoDay("2026-02-29")).toBeNull();
    expect(parseIsoDay("2024-02-29")).not.toBeNull();
    expect(parseFrenchDay("31/04/2026")).toBeNull();
    expect(parseFrenchDay("2026-04-01")).toBeNull();
    expect(() => toDay("01/04/2026")).toThrow();
  });

  it("reads French dates, short or padded", () => {
    expect(parseFrenchDay("1/3/2026")).toBe(toDay("2026-03-01"));
    expect(parseFrenchDay(" 01/03/2026 ")).toBe(toDay("2026-03-01"));
  });

  it("formats days for French readers", () => {
    expect(formatDayFr(toDay("2026-03-01"))).toBe("01/03/2026");
    expect(formatDayFrLong(toDay("2026-01-01"))).toBe("1er janvier 2026");
    expect(formatDayFrLong(toDay("2025-12-31"))).toBe("31 décembre 2025");
    expect(dayToIsoDate(toDay("1999-12-31"))).toBe("1999-12-31");
  });

  it("adds years, 29 February becoming 28 February", () => {
    expect(dayToIsoDate(addYears(toDay("2024-03-01"), 2))).toBe("2026-03-01");
    expect(dayToIsoDate(addYears(toDay("2024-02-29"), 2))).toBe("2026-02-28");
    expect(dayToIsoDate(addYears(toDay("2024-02-29"), 4))).toBe("2028-02-29");
  });
});
