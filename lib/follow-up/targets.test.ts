import { describe, expect, it } from "vitest";
import type { IndicatorSet, Share } from "@/lib/roster/indicators";
import { checkObjective, checkTarget, TARGET_INDICATORS, type TargetSetting } from "./targets";

const share = (count: number, of: number): Share => ({ count, of, share: of === 0 ? null : count / of });
const none = share(0, 0);
const figures = (overrides: Partial<IndicatorSet>): IndicatorSet => ({
  active: 0,
  registered: none,
  identitySubstantial: none,
  rieCompliant: none,
  dmpReady: none,
  rieCompliantAmongConcerned: none,
  dmpReadyAmongNeedingDmp: none,
  ...overrides,
});
const rie90: TargetSetting = { indicator: "RIE_COMPLIANT_AMONG_CONCERNED", thresholdPercent: 90, dueDate: "2027-06-30" };

describe("checkTarget", () => {
  it("meets the target exactly at the threshold", () => {
    const check = checkTarget(rie90, figures({ rieCompliantAmongConcerned: share(90, 100) }), "2027-01-01");
    expect(check).toMatchObject({ met: true, shortBy: 0, overdue: false, figure: { count: 90, of: 100 } });
  });

  it("does not meet it just below the threshold, however the share rounds", () => {
    // 179 of 199 is 89.95 %: « 90 % » once rounded, still short by one professional.
    const check = checkTarget(rie90, figures({ rieCompliantAmongConcerned: share(179, 199) }), "2027-01-01");
    expect(check).toMatchObject({ met: false, shortBy: 1, overdue: false });
  });

  it("says how many professionals are missing", () => {
    expect(checkTarget(rie90, figures({ rieCompliantAmongConcerned: share(40, 60) }), "2027-01-01").shortBy).toBe(14);
  });

  it("is overdue only after its due date, when not met", () => {
    const short = figures({ rieCompliantAmongConcerned: share(1, 2) });
    expect(checkTarget(rie90, short, "2027-06-30").overdue).toBe(false);
    expect(checkTarget(rie90, short, "2027-07-01").overdue).toBe(true);
    expect(checkTarget(rie90, figures({ rieCompliantAmongConcerned: share(2, 2) }), "2027-07-01").overdue).toBe(false);
  });

  it("never meets a target over nobody, even at 0 %", () => {
    expect(checkTarget({ ...rie90, thresholdPercent: 0 }, figures({}), "2027-01-01")).toMatchObject({ met: false, shortBy: 0 });
  });

  it("reads the indicator the target names", () => {
    const set = figures({ registered: share(10, 10), dmpReady: share(0, 10) });
    expect(checkTarget({ indicator: "REGISTERED", thresholdPercent: 100, dueDate: "2027-01-01" }, set, "2026-12-01").met).toBe(true);
    expect(checkTarget({ indicator: "DMP_READY", thresholdPercent: 100, dueDate: "2027-01-01" }, set, "2026-12-01").met).toBe(false);
  });
});

describe("checkObjective", () => {
  it("has no pre-check for an objective without target", () => {
    expect(checkObjective([], figures({}), "2027-01-01")).toEqual({ met: null, checks: [] });
  });

  it("is met when every target is", () => {
    const set = figures({ registered: share(10, 10), rieCompliantAmongConcerned: share(8, 10) });
    const registered: TargetSetting = { indicator: "REGISTERED", thresholdPercent: 100, dueDate: "2027-06-30" };
    expect(checkObjective([registered], set, "2027-01-01").met).toBe(true);
    expect(checkObjective([registered, rie90], set, "2027-01-01").met).toBe(false);
  });
});

it("offers every roster share as a target indicator", () => {
  expect(TARGET_INDICATORS.map((row) => row.value)).toEqual([
    "REGISTERED",
    "IDENTITY_SUBSTANTIAL",
    "RIE_COMPLIANT",
    "DMP_READY",
    "RIE_COMPLIANT_AMONG_CONCERNED",
    "DMP_READY_AMONG_NEEDING_DMP",
  ]);
});
