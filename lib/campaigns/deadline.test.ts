import { describe, expect, it } from "vitest";
import { effectiveClosingTime, isPastDeadline } from "./deadline";

const wave = { closesAt: new Date("2026-02-13T22:59:00Z") };

describe("deadline", () => {
  it("is the wave's closing time without an extension", () => {
    expect(effectiveClosingTime(wave)).toEqual(wave.closesAt);
  });

  it("is the extension when it is later, never earlier", () => {
    expect(effectiveClosingTime(wave, { closesAt: new Date("2026-03-01T10:00:00Z") })).toEqual(new Date("2026-03-01T10:00:00Z"));
    expect(effectiveClosingTime(wave, { closesAt: new Date("2026-01-01T10:00:00Z") })).toEqual(wave.closesAt);
  });

  it("refuses at the closing instant and one second after, accepts one second before", () => {
    expect(isPastDeadline(new Date("2026-02-13T22:58:59Z"), wave)).toBe(false);
    expect(isPastDeadline(new Date("2026-02-13T22:59:00Z"), wave)).toBe(true);
    expect(isPastDeadline(new Date("2026-02-13T22:59:01Z"), wave)).toBe(true);
  });
});
