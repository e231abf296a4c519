import { describe, expect, it } from "vitest";
import { formatParisDate, formatParisDateTime, isParisLocalTime, parisDateTime, toParisLocal } from "./paris";

describe("Paris time", () => {
  it("reads wall-clock times in winter (UTC+1) and summer (UTC+2)", () => {
    expect(parisDateTime("2026-02-13T23:59:59").toISOString()).toBe("2026-02-13T22:59:59.000Z");
    expect(parisDateTime("2024-05-31T12:00").toISOString()).toBe("2024-05-31T10:00:00.000Z");
  });

  it("formats in French, in Paris time whatever the server's zone", () => {
    const closing = new Date("2026-02-13T22:59:00Z");
    expect(formatParisDateTime(closing)).toBe("13 février 2026 à 23:59");
    expect(formatParisDate(new Date("2025-12-31T23:30:00Z"))).toBe("1 janvier 2026");
  });

  it("refuses what is not a local date-time", () => {
    expect(() => parisDateTime("13/02/2026")).toThrow();
  });

  it("gives back the wall-clock time a datetime-local field shows, in winter and in summer", () => {
    expect(toParisLocal(new Date("2026-02-13T22:59:00Z"))).toBe("2026-02-13T23:59");
    expect(toParisLocal(new Date("2024-05-31T10:00:00Z"))).toBe("2024-05-31T12:00");
    expect(toParisLocal(parisDateTime("2026-01-01T00:00"))).toBe("2026-01-01T00:00");
  });

  it("tells a time Paris clocks show from a typo or the hour skipped in spring", () => {
    expect(isParisLocalTime("2026-02-13T23:59")).toBe(true);
    expect(isParisLocalTime("2026-10-25T02:30")).toBe(true);
    expect(isParisLocalTime("2026-03-29T02:30")).toBe(false);
    expect(isParisLocalTime("2026-04-31T10:00")).toBe(false);
    expect(isParisLocalTime("2026-02-13 23:59")).toBe(false);
  });
});
