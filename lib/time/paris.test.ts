import { describe, expect, it } from "vitest";
import {
  endOfParisDayExclusive,
  formatCalendarDate,
  formatNumericCalendarDate,
  formatParisDate,
  formatParisDateTime,
  formatParisDateTimeToTheSecond,
  formatParisNumericDateTime,
  formatParisTime,
  isParisLocalTime,
  PARIS_MISSING_TIME,
  PARIS_REPEATED_TIME,
  parisDateTime,
  parisLocalTimeProblem,
  parisToday,
  toParisLocal,
} from "./paris";

describe("Paris time", () => {
  it("reads wall-clock times in winter (UTC+1) and summer (UTC+2)", () => {
    expect(parisDateTime("2026-02-13T23:59:59").toISOString()).toBe("2026-02-13T22:59:59.000Z");
    expect(parisDateTime("2024-05-31T12:00").toISOString()).toBe("2024-05-31T10:00:00.000Z");
  });

  it("refuses what is not a local date-time", () => {
    expect(() => parisDateTime("13/02/2026")).toThrow();
  });

  it("gives back the wall-clock time a datetime-local field shows, in winter and in summer", () => {
    expect(toParisLocal(new Date("2026-02-13T22:59:00Z"))).toBe("2026-02-13T23:59");
    expect(toParisLocal(new Date("2024-05-31T10:00:00Z"))).toBe("2024-05-31T12:00");
    expect(toParisLocal(parisDateTime("2026-01-01T00:00"))).toBe("2026-01-01T00:00");
  });

  it("gives today's Paris date, which runs ahead of UTC around midnight", () => {
    expect(parisToday(new Date("2025-12-31T23:30:00Z"))).toBe("2026-01-01");
    expect(parisToday(new Date("2026-07-01T21:59:00Z"))).toBe("2026-07-01");
    expect(parisToday(new Date("2026-07-01T22:00:00Z"))).toBe("2026-07-02");
  });

  it("tells a time Paris clocks show from a typo or the hour skipped in spring", () => {
    expect(isParisLocalTime("2026-02-13T23:59")).toBe(true);
    expect(isParisLocalTime("2026-10-25T01:59")).toBe(true);
    expect(isParisLocalTime("2026-10-25T03:00")).toBe(true);
    expect(isParisLocalTime("2026-03-29T02:30")).toBe(false);
    expect(isParisLocalTime("2026-04-31T10:00")).toBe(false);
    expect(isParisLocalTime("2026-02-13 23:59")).toBe(false);
  });
});

describe("a Paris date and time typed in a form", () => {
  it("explains the hour skipped in spring and a day that does not exist with one message", () => {
    expect(parisLocalTimeProblem("2027-03-28T02:15")).toBe(PARIS_MISSING_TIME);
    expect(parisLocalTimeProblem("2027-03-28T02:30")).toContain("entre 2\u00a0h\u00a000 et 3\u00a0h\u00a000");
    expect(parisLocalTimeProblem("2026-04-31T10:00")).toBe(PARIS_MISSING_TIME);
  });

  it("refuses the hour that happens twice in autumn, saying so, rather than picking one of the two in silence", () => {
    for (const local of ["2027-10-31T02:00", "2027-10-31T02:30", "2027-10-31T02:59", "2026-10-25T02:30"]) {
      expect(parisLocalTimeProblem(local)).toBe(PARIS_REPEATED_TIME);
      expect(isParisLocalTime(local)).toBe(false);
    }
    expect(PARIS_REPEATED_TIME).toContain("existe deux fois");
  });

  it("accepts the minutes either side of both changes", () => {
    for (const local of ["2027-03-28T01:59", "2027-03-28T03:00", "2027-10-31T01:59", "2027-10-31T03:00", "2027-10-30T02:30"]) {
      expect(parisLocalTimeProblem(local)).toBeNull();
    }
  });
});

describe("French dates and times", () => {
  it("writes an instant in Paris time whatever the server's zone, in winter and in summer", () => {
    expect(formatParisDateTime(new Date("2026-02-13T22:59:00Z"))).toBe("13 février 2026 à 23\u00a0h\u00a059");
    expect(formatParisDateTime(new Date("2024-05-31T10:05:00Z"))).toBe("31 mai 2024 à 12\u00a0h\u00a005");
    expect(formatParisDate(new Date("2026-02-13T22:59:00Z"))).toBe("13 février 2026");
  });

  it("writes the first of a month « 1er », also when Paris is already on the next day", () => {
    expect(formatParisDate(new Date("2025-12-31T23:30:00Z"))).toBe("1er janvier 2026");
    expect(formatParisDateTime(new Date("2025-06-30T22:00:00Z"))).toBe("1er juillet 2025 à 0\u00a0h\u00a000");
    expect(formatCalendarDate("2026-08-01")).toBe("1er août 2026");
  });

  it("writes the second where it tells a deposit on time from a late one", () => {
    expect(formatParisDateTimeToTheSecond(new Date("2026-02-13T22:59:59.999Z"))).toBe(
      "13 février 2026 à 23\u00a0h\u00a059\u00a0min\u00a059\u00a0s",
    );
    expect(formatParisDateTimeToTheSecond(new Date("2026-02-13T23:00:00Z"))).toBe(
      "14 février 2026 à 0\u00a0h\u00a000\u00a0min\u00a000\u00a0s",
    );
    expect(formatParisTime(new Date("2025-06-30T22:00:05Z"))).toBe("0\u00a0h\u00a000\u00a0min\u00a005\u00a0s");
  });

  it("writes numeric dates for a spreadsheet, day first and zero-padded, the time as it reads a date-time: « 10:05 »", () => {
    expect(formatParisNumericDateTime(new Date("2026-02-01T09:05:00Z"))).toBe("01/02/2026 10:05");
    expect(formatNumericCalendarDate("2026-03-01")).toBe("01/03/2026");
  });

  it("writes a calendar day as it is, with no zone to move it", () => {
    expect(formatCalendarDate("2026-02-13")).toBe("13 février 2026");
    expect(formatCalendarDate("2025-12-31")).toBe("31 décembre 2025");
  });

  it("refuses a calendar day that does not exist", () => {
    expect(() => formatCalendarDate("2026-02-30")).toThrow(RangeError);
    expect(() => formatNumericCalendarDate("13/02/2026")).toThrow(RangeError);
  });
});

describe("endOfParisDayExclusive", () => {
  it("is the next Paris midnight, in summer and winter time and across a month's end", () => {
    expect(endOfParisDayExclusive("2027-03-31").toISOString()).toBe("2027-03-31T22:00:00.000Z");
    expect(endOfParisDayExclusive("2027-01-31").toISOString()).toBe("2027-01-31T23:00:00.000Z");
    expect(endOfParisDayExclusive("2026-12-31").toISOString()).toBe("2026-12-31T23:00:00.000Z");
  });
});
