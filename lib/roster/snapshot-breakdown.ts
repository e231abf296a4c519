/**
 * What an `IndicatorSnapshot` keeps beside its five counts (`breakdown`), and the indicators read
 * back from it, so frozen figures show exactly like live ones. Counts only, no shares: a share is
 * recomputed from its count and denominator, never stored rounded.
 *
 * Public API: `SnapshotCounts`, `snapshotCounts`, `GroupCounts`, `groupCounts`, `setOf`,
 * `SnapshotBreakdown`, `breakdownOf`, `indicatorsFromSnapshot`.
 */
import type { Population } from "@/lib/db/generated/enums";
import { parisToday } from "./dates";
import type { EstablishmentIndicators, IndicatorSet, Share } from "./indicators";

export type SnapshotCounts = { active: number; registered: number; substantialId: number; rieCompliant: number; dmpReady: number };

/** The five figures an `IndicatorSnapshot` row and the receipt keep. */
export function snapshotCounts(indicators: EstablishmentIndicators): SnapshotCounts {
  const overall = indicators.overall;
  return {
    active: overall.active,
    registered: overall.registered.count,
    substantialId: overall.identitySubstantial.count,
    rieCompliant: overall.rieCompliant.count,
    dmpReady: overall.dmpReady.count,
  };
}

/** A group's counts, enough to rebuild every share of an `IndicatorSet`. */
export type GroupCounts = SnapshotCounts & { concerned: number; concernedRie: number; needingDmp: number; needingDmpReady: number };

/** What `breakdown` holds: the day the figures are for, the groups and the objectives. */
export type SnapshotBreakdown = {
  at: string;
  byProfession: Record<string, GroupCounts>;
  byPopulation: Partial<Record<Population, GroupCounts>>;
  objective1: EstablishmentIndicators["objective1"];
};

export function groupCounts(set: IndicatorSet): GroupCounts {
  return {
    active: set.active,
    registered: set.registered.count,
    substantialId: set.identitySubstantial.count,
    rieCompliant: set.rieCompliant.count,
    dmpReady: set.dmpReady.count,
    concerned: set.rieCompliantAmongConcerned.of,
    concernedRie: set.rieCompliantAmongConcerned.count,
    needingDmp: set.dmpReadyAmongNeedingDmp.of,
    needingDmpReady: set.dmpReadyAmongNeedingDmp.count,
  };
}

const mapValues = <K extends string, V, W>(record: Partial<Record<K, V>>, map: (value: V) => W) =>
  Object.fromEntries(Object.entries(record).map(([key, value]) => [key, map(value as V)])) as Partial<Record<K, W>>;

export function breakdownOf(indicators: EstablishmentIndicators): SnapshotBreakdown {
  return {
    at: indicators.at,
    byProfession: mapValues(indicators.byProfession, groupCounts) as Record<string, GroupCounts>,
    byPopulation: mapValues(indicators.byPopulation, groupCounts),
    objective1: indicators.objective1,
  };
}

const share = (count: number, of: number): Share => ({ count, of, share: of === 0 ? null : count / of });

export function setOf(counts: GroupCounts): IndicatorSet {
  return {
    active: counts.active,
    registered: share(counts.registered, counts.active),
    identitySubstantial: share(counts.substantialId, counts.active),
    rieCompliant: share(counts.rieCompliant, counts.active),
    dmpReady: share(counts.dmpReady, counts.active),
    rieCompliantAmongConcerned: share(counts.concernedRie, counts.concerned),
    dmpReadyAmongNeedingDmp: share(counts.needingDmpReady, counts.needingDmp),
  };
}

/** A stored snapshot read back as the indicators it was made from, for the same display as live figures. */
export function indicatorsFromSnapshot(snapshot: SnapshotCounts & { takenAt: Date; breakdown: unknown }): EstablishmentIndicators {
  const breakdown = snapshot.breakdown as Partial<SnapshotBreakdown>;
  const byProfession = breakdown.byProfession ?? {};
  const byPopulation = breakdown.byPopulation ?? {};
  const overallGroups = Object.values(byPopulation) as GroupCounts[];
  const sum = (key: keyof GroupCounts) => overallGroups.reduce((total, group) => total + group[key], 0);
  const overall = setOf({
    ...snapshot,
    concerned: sum("concerned"),
    concernedRie: sum("concernedRie"),
    needingDmp: sum("needingDmp"),
    needingDmpReady: sum("needingDmpReady"),
  });
  const registrationComplete = overall.active > 0 && overall.registered.count === overall.active;
  const identityComplete = overall.active > 0 && overall.identitySubstantial.count === overall.active;
  const entitlementProcedureDeclared = breakdown.objective1?.entitlementProcedureDeclared ?? false;
  return {
    at: breakdown.at ?? parisToday(snapshot.takenAt),
    overall,
    byProfession: mapValues(byProfession, setOf) as Record<string, IndicatorSet>,
    byPopulation: mapValues(byPopulation, setOf),
    objective1: {
      met: registrationComplete && identityComplete && entitlementProcedureDeclared,
      registrationComplete,
      identityComplete,
      entitlementProcedureDeclared,
    },
    objective2: {
      met: overall.active > 0 && overall.rieCompliantAmongConcerned.count === overall.rieCompliantAmongConcerned.of,
      concerned: overall.rieCompliantAmongConcerned.of,
      compliant: overall.rieCompliantAmongConcerned.count,
    },
  };
}
