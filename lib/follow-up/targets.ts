/**
 * The targets of a wave's objectives checked against roster figures (lib/roster/indicators.ts):
 * an objective's target is one indicator's share reaching a threshold by a date. Integer arithmetic
 * only (count × 100 ≥ threshold × denominator), so 89,99 % is never rounded up to 90 %.
 *
 * Product choices: a share over nobody (« 0 sur 0 ») never meets a target, since an empty roster
 * proves nothing (as for the objectives of `indicators.ts`); an objective with several targets is
 * met when all are; an objective with no target has no pre-check (`met: null`), never « atteint ».
 *
 * Public API: `TARGET_INDICATORS`, `targetIndicatorLabel`, `TargetSetting`, `TargetCheck`, `checkTarget`,
 * `checkObjective`, `precheckLabel`.
 */
import type { TargetIndicator } from "@/lib/db/generated/enums";
import { INDICATOR_ROWS } from "@/lib/roster/compliance-view";
import type { IndicatorSet, Share } from "@/lib/roster/indicators";

type ShareKey = Exclude<keyof IndicatorSet, "active">;

const SHARE_OF: Readonly<Record<TargetIndicator, ShareKey>> = {
  REGISTERED: "registered",
  IDENTITY_SUBSTANTIAL: "identitySubstantial",
  RIE_COMPLIANT: "rieCompliant",
  DMP_READY: "dmpReady",
  RIE_COMPLIANT_AMONG_CONCERNED: "rieCompliantAmongConcerned",
  DMP_READY_AMONG_NEEDING_DMP: "dmpReadyAmongNeedingDmp",
};

/** The indicators a target can be set on, in the roster's order and with the roster's labels. */
export const TARGET_INDICATORS: ReadonlyArray<{ value: TargetIndicator; key: ShareKey; label: string }> = INDICATOR_ROWS.map((row) => {
  const value = (Object.keys(SHARE_OF) as TargetIndicator[]).find((indicator) => SHARE_OF[indicator] === row.key);
  if (!value) throw new Error(`No target indicator for ${row.key}`);
  return { value, key: row.key, label: row.label };
});

export function targetIndicatorLabel(indicator: TargetIndicator): string {
  return TARGET_INDICATORS.find((row) => row.value === indicator)?.label ?? indicator;
}

export type TargetSetting = { indicator: TargetIndicator; thresholdPercent: number; /** `AAAA-MM-JJ` */ dueDate: string };

export type TargetCheck = TargetSetting & {
  /** The figure the target was checked against. */
  figure: Pick<Share, "count" | "of">;
  met: boolean;
  /** How many more professionals must count for the share to reach the threshold (0 when met). */
  shortBy: number;
  /** Not met and the due date has passed. */
  overdue: boolean;
};

/** The smallest count out of `of` whose share reaches `thresholdPercent` (at least 1: 0 of 0 never meets). */
function countNeeded(thresholdPercent: number, of: number): number {
  return Math.max(1, Math.ceil((thresholdPercent * of) / 100));
}

export function checkTarget(target: TargetSetting, figures: IndicatorSet, today: string): TargetCheck {
  const share = figures[SHARE_OF[target.indicator]];
  const needed = countNeeded(target.thresholdPercent, share.of);
  const met = share.of > 0 && share.count >= needed;
  const shortBy = met ? 0 : share.of === 0 ? 0 : needed - share.count;
  return { ...target, figure: { count: share.count, of: share.of }, met, shortBy, overdue: !met && today > target.dueDate };
}

/** An objective's targets checked; `met` is null when it has none. */
export function checkObjective(
  targets: readonly TargetSetting[],
  figures: IndicatorSet,
  today: string,
): { met: boolean | null; checks: TargetCheck[] } {
  const checks = targets.map((target) => checkTarget(target, figures, today));
  return { met: checks.length === 0 ? null : checks.every((check) => check.met), checks };
}

/** The pre-check of an objective in words: all its targets reached, not all, or no target. */
export function precheckLabel(met: boolean | null): string {
  return met === null ? "Sans cible" : met ? "Cibles atteintes" : "Cibles non atteintes";
}
