import { describe, expect, it } from "vitest";
import { parisDateTime } from "@/lib/time/paris";
import { effectiveClosingTime, isPastClosing, isPastDeadline, latestPassedClosing } from "./deadline";

/** Shown « 13 février 2026 à 23 h 59 » (Paris, winter time: 22:59Z). */
const wave = { closesAt: parisDateTime("2026-02-13T23:59") };
const at = (iso: string) => new Date(iso);

describe("deadline", () => {
  it("is the wave's closing time without an extension", () => {
    expect(effectiveClosingTime(wave)).toEqual(wave.closesAt);
  });

  it("is the extension when it is later, never earlier", () => {
    expect(effectiveClosingTime(wave, { closesAt: new Date("2026-03-01T10:00:00Z") })).toEqual(new Date("2026-03-01T10:00:00Z"));
    expect(effectiveClosingTime(wave, { closesAt: new Date("2026-01-01T10:00:00Z") })).toEqual(wave.closesAt);
  });

  it("includes the displayed minute: 23:58:59, 23:59:00 and 23:59:59.999 are on time, 00:00:00 is late", () => {
    expect(isPastDeadline(at("2026-02-13T22:58:59Z"), wave)).toBe(false);
    expect(isPastDeadline(at("2026-02-13T22:59:00Z"), wave)).toBe(false);
    expect(isPastDeadline(at("2026-02-13T22:59:30Z"), wave)).toBe(false);
    expect(isPastDeadline(at("2026-02-13T22:59:59.999Z"), wave)).toBe(false);
    expect(isPastDeadline(at("2026-02-13T23:00:00Z"), wave)).toBe(true);
    expect(isPastDeadline(at("2026-02-13T23:00:01Z"), wave)).toBe(true);
  });

  it("includes the displayed minute of an extension too", () => {
    const extension = { closesAt: parisDateTime("2026-12-07T01:53") };
    expect(isPastDeadline(parisDateTimeAndSeconds("2026-12-07T01:53", 20), wave, extension)).toBe(false);
    expect(isPastDeadline(parisDateTimeAndSeconds("2026-12-07T01:54", 0), wave, extension)).toBe(true);
  });

  it("says the same for one closing and for the stored closings a query keeps", () => {
    for (const now of ["2026-02-13T22:58:59Z", "2026-02-13T22:59:00Z", "2026-02-13T22:59:59.999Z", "2026-02-13T23:00:00Z"].map(at)) {
      // A query keeps the closings still open with `closesAt: { gt: latestPassedClosing(now) }`.
      expect(wave.closesAt > latestPassedClosing(now)).toBe(!isPastClosing(now, wave.closesAt));
    }
  });
});

function parisDateTimeAndSeconds(minute: string, seconds: number): Date {
  return new Date(parisDateTime(minute).getTime() + seconds * 1000);
}
