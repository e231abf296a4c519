import { describe, expect, it } from "vitest";
import { waveStatus } from "./wave-status";

const wave = { opensAt: new Date("2025-10-15T07:00:00Z"), closesAt: new Date("2026-02-13T22:59:00Z") };

describe("wave status", () => {
  it.each([
    ["2025-10-15T06:59:59Z", "UPCOMING"],
    ["2025-10-15T07:00:00Z", "OPEN"],
    ["2026-02-13T22:58:59Z", "OPEN"],
    // The displayed minute (« 13 février 2026 à 23 h 59 ») is included.
    ["2026-02-13T22:59:00Z", "OPEN"],
    ["2026-02-13T22:59:59.999Z", "OPEN"],
    ["2026-02-13T23:00:00Z", "CLOSED"],
  ])("at %s the wave is %s", (now, expected) => {
    expect(waveStatus(wave, new Date(now))).toBe(expected);
  });
});
