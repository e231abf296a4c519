import { describe, expect, it } from "vitest";
import { parisDateTime } from "@/lib/time/paris";
import { screenEligibility } from "./eligibility";

const wave = {
  opensAt: parisDateTime("2025-10-15T09:00"),
  closesAt: parisDateTime("2026-02-13T23:59"),
  eligibleCategoryCodes: ["355", "500"],
};
const ehpad = { code: "500", label: "EHPAD" };
const residence = { code: "202", label: "Résidence autonomie" };
const at = (local: string) => parisDateTime(local);

describe("eligibility screening", () => {
  it("lets an eligible category start while the wave is open", () => {
    expect(screenEligibility({ wave, category: ehpad, now: at("2025-12-01T10:00") })).toEqual({
      eligible: true,
      closesAt: wave.closesAt,
      extended: false,
    });
  });

  it("tells an excluded category why, even before the opening", () => {
    const verdict = screenEligibility({ wave, category: residence, now: at("2025-10-01T10:00") });
    expect(verdict).toMatchObject({ eligible: false, reason: "CATEGORY_EXCLUDED" });
    expect(verdict.eligible ? "" : verdict.message).toContain("« Résidence autonomie » (code FINESS 202)");
  });

  it("is not open a second before the opening, and is at the opening instant", () => {
    const early = screenEligibility({ wave, category: ehpad, now: new Date(wave.opensAt.getTime() - 1000) });
    expect(early).toMatchObject({ eligible: false, reason: "NOT_OPEN_YET" });
    expect(early.eligible ? "" : early.message).toContain("15 octobre 2025 à 9\u00a0h\u00a000 (heure de Paris)");
    expect(screenEligibility({ wave, category: ehpad, now: wave.opensAt }).eligible).toBe(true);
  });

  it("is open until the end of the closing minute, closed from the next one", () => {
    expect(screenEligibility({ wave, category: ehpad, now: new Date(wave.closesAt.getTime() - 1000) }).eligible).toBe(true);
    expect(screenEligibility({ wave, category: ehpad, now: wave.closesAt }).eligible).toBe(true);
    expect(screenEligibility({ wave, category: ehpad, now: new Date(wave.closesAt.getTime() + 59_999) }).eligible).toBe(true);
    const closed = screenEligibility({ wave, category: ehpad, now: new Date(wave.closesAt.getTime() + 60_000) });
    expect(closed).toMatchObject({ eligible: false, reason: "CLOSED" });
    expect(closed.eligible ? "" : closed.message).toContain("13 février 2026 à 23\u00a0h\u00a059");
  });

  it("keeps the wave open for an establishment granted an extension, until the extension ends", () => {
    const extension = { closesAt: at("2026-03-01T12:00") };
    expect(screenEligibility({ wave, category: ehpad, extension, now: at("2026-02-20T10:00") })).toEqual({
      eligible: true,
      closesAt: extension.closesAt,
      extended: true,
    });
    expect(screenEligibility({ wave, category: ehpad, extension, now: extension.closesAt }).eligible).toBe(true);
    const closed = screenEligibility({ wave, category: ehpad, extension, now: at("2026-03-01T12:01") });
    expect(closed.eligible ? "" : closed.message).toContain("1er mars 2026 à 12\u00a0h\u00a000");
  });

  it("does not let an extension open an excluded category", () => {
    expect(
      screenEligibility({ wave, category: residence, extension: { closesAt: at("2026-03-01T12:00") }, now: at("2026-02-20T10:00") }),
    ).toMatchObject({
      eligible: false,
      reason: "CATEGORY_EXCLUDED",
    });
  });
});
