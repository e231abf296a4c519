/**
 * The manager's home (`/pilotage`): every figure of the dashboard under one set of filters, read
 * side by side. Each figure has its own query module; this one asks the policy, runs them
 * together and adds the small grouped rows up into the funnel, its breakdowns and the regions.
 *
 * Public API: `ProgrammeDashboard`, `getProgrammeDashboard`, `loadProgrammeDashboard`.
 */
import { requirePermission } from "@/lib/access/policy";
import type { Viewer } from "@/lib/access/viewer";
import { db } from "@/lib/db/client";
import type { ApplicationState, Sector } from "@/lib/db/generated/enums";
import { REGION_CODES_BY_NAME } from "@/lib/establishments/territories";
import type { RosterClient } from "@/lib/roster/establishment-indicators";
import { type DossierCount, loadDossierCounts } from "./dossier-counts";
import { loadEnvelopes, type WaveEnvelope } from "./envelopes";
import { loadEstablishmentReach } from "./establishment-reach";
import { dashboardScope, type TDashboardFilters } from "./filters";
import { type FollowUpFunnel, loadFollowUpFunnel } from "./follow-up-funnel";
import { funnelOf, type StateCounts } from "./funnel";
import type { RegionFigures } from "./map-figures";
import { addRollout, EMPTY_ROLLOUT } from "./rollout-counts";
import { loadRolloutFigures, type RolloutFigures } from "./rollout-figures";
import { loadReviewProgress, type TierProgress } from "./review-progress";

export type ProgrammeDashboard = {
  filters: TDashboardFilters;
  waves: Array<{ id: string; title: string }>;
  categories: Array<{ code: string; label: string; sector: Sector }>;
  funnel: ReturnType<typeof funnelOf>;
  followUp: FollowUpFunnel;
  byState: StateCounts;
  byRegion: Array<{ regionCode: string; counts: StateCounts }>;
  byCategory: Array<{ categoryCode: string; label: string; counts: StateCounts }>;
  regions: RegionFigures[];
  national: RegionFigures;
  rollout: RolloutFigures;
  review: TierProgress[];
  envelopes: WaveEnvelope[];
};

function countBy(rows: readonly DossierCount[], key: (row: DossierCount) => string): Map<string, StateCounts> {
  const groups = new Map<string, StateCounts>();
  for (const row of rows) {
    const counts = groups.get(key(row)) ?? {};
    counts[row.state as ApplicationState] = (counts[row.state] ?? 0) + row.count;
    groups.set(key(row), counts);
  }
  return groups;
}

const total = (counts: StateCounts | undefined) => Object.values(counts ?? {}).reduce((sum, count) => sum + count, 0);

/** Without asking the policy: for the bench and the tests, which hold no viewer. */
export async function loadProgrammeDashboard(client: RosterClient, filters: TDashboardFilters, now: Date): Promise<ProgrammeDashboard> {
  const categoriesRead = client.establishmentCategory.findMany({
    orderBy: [{ sector: "asc" }, { label: "asc" }],
    select: { code: true, label: true, sector: true },
  });
  // The figures take the category filter as the codes it stands for: a sector waits for the
  // categories to name them, any other filter starts the figures at once.
  const scope = dashboardScope(filters, filters.categorie === "ES" || filters.categorie === "ESMS" ? await categoriesRead : []);
  const [waves, categories, counts, reach, rollout, review, envelopes, followUp] = await Promise.all([
    client.wave.findMany({ orderBy: { opensAt: "desc" }, select: { id: true, title: true } }),
    categoriesRead,
    loadDossierCounts(client, scope),
    loadEstablishmentReach(client, scope),
    loadRolloutFigures(client, scope),
    loadReviewProgress(client, scope, now),
    loadEnvelopes(client, scope),
    loadFollowUpFunnel(client, scope),
  ]);
  const byState = countBy(counts, () => "all").get("all") ?? {};
  const stateByRegion = countBy(counts, (row) => row.regionCode);
  const stateByCategory = countBy(counts, (row) => row.categoryCode);
  const reachOf = new Map(reach.map((row) => [row.regionCode, row]));
  const rolloutOf = new Map(rollout.byRegion.map((row) => [row.regionCode, row]));
  const regionCodes = REGION_CODES_BY_NAME.filter((code) => !filters.region || code === filters.region);
  const regions: RegionFigures[] = regionCodes.map((regionCode) => ({
    regionCode,
    eligible: reachOf.get(regionCode)?.eligible ?? 0,
    applied: reachOf.get(regionCode)?.applied ?? 0,
    dossiers: total(stateByRegion.get(regionCode)),
    rollout: rolloutOf.get(regionCode) ?? EMPTY_ROLLOUT,
  }));
  const national = regions.reduce<RegionFigures>(
    (sum, row) => ({
      ...sum,
      eligible: sum.eligible + row.eligible,
      applied: sum.applied + row.applied,
      dossiers: sum.dossiers + row.dossiers,
      rollout: addRollout(sum.rollout, row.rollout),
    }),
    { regionCode: "", eligible: 0, applied: 0, dossiers: 0, rollout: EMPTY_ROLLOUT },
  );
  const labelOf = new Map(categories.map((category) => [category.code, category.label]));
  return {
    filters,
    waves,
    categories,
    funnel: funnelOf(counts),
    followUp,
    byState,
    byRegion: regionCodes
      .filter((code) => stateByRegion.has(code))
      .map((regionCode) => ({ regionCode, counts: stateByRegion.get(regionCode)! })),
    byCategory: [...stateByCategory]
      .map(([categoryCode, stateCounts]) => ({ categoryCode, label: labelOf.get(categoryCode) ?? categoryCode, counts: stateCounts }))
      .sort((a, b) => a.label.localeCompare(b.label, "fr")),
    regions,
    national,
    rollout,
    review,
    envelopes,
  };
}

export async function getProgrammeDashboard(viewer: Viewer, filters: TDashboardFilters, now = new Date()): Promise<ProgrammeDashboard> {
  requirePermission(viewer, "programme:configure");
  return loadProgrammeDashboard(db, filters, now);
}
