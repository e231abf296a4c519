import { beforeAll, describe, expect, it } from "vitest";
import { screenEligibility } from "@/lib/campaigns/eligibility";
import { effectiveDueAt } from "@/lib/review/due-dates";
import { reviewDeadline } from "@/lib/review/review-states";
import { parisToday } from "@/lib/roster/dates";
import { computeEstablishmentIndicators, snapshotCounts } from "@/lib/roster/establishment-indicators";
import { recordIndicatorSnapshot } from "@/lib/roster/snapshots";
import {
  createDraft,
  createReviewer,
  createReviewWave,
  createSubmittedDossier,
  establishmentWithDirector,
  insertRoster,
  ROSTER_CASES,
} from "@/test/factories";
import { resetDatabase, testDb } from "@/test/integration/database";
import { ZDashboardFilters } from "./filters";
import { loadProgrammeDashboard } from "./get-programme-dashboard";
import { addMonths, monthStart, type Month } from "./months";
import { rebuildRolloutFigures, refreshRolloutFigures } from "./refresh-rollout-figures";
import { addRollout, EMPTY_ROLLOUT, type RolloutCounts } from "./rollout-counts";
import { dashboardTable } from "./tables";

/**
 * The dashboard's figures on a small programme, each checked against the rules module it stands
 * for: the roster's indicators (lib/roster), the review's due dates (lib/review/review-states.ts) and
 * the category rule of eligibility (lib/campaigns/eligibility.ts).
 */
const NOW = new Date("2026-03-25T10:00:00Z");
const filters = (query: Record<string, string> = {}) => ZDashboardFilters.parse(query);

type World = Awaited<ReturnType<typeof buildWorld>>;

async function buildWorld() {
  const wave = await createReviewWave(testDb, {
    reviewTiers: "REGIONAL_THEN_NATIONAL",
    regionalDueAt: new Date("2026-03-01T12:00:00Z"),
    nationalDueAt: new Date("2026-06-01T12:00:00Z"),
  });
  await testDb.wave.update({
    where: { id: wave.waveId },
    data: { fundingEnvelopeCents: 10_000_000_00n, eligibleCategories: { deleteMany: {}, create: [{ categoryCode: "500" }] } },
  });
  // Two EHPAD in Nouvelle-Aquitaine (75), a hospital in Île-de-France (11, not eligible to the wave).
  const ehpadA = (await establishmentWithDirector(testDb, { categoryCode: "500" })).establishment;
  const ehpadB = (await establishmentWithDirector(testDb, { categoryCode: "500" })).establishment;
  const hospital = (await establishmentWithDirector(testDb, { categoryCode: "355" })).establishment;
  await testDb.establishment.update({ where: { id: hospital.id }, data: { regionCode: "11", departmentCode: "75" } });
  await insertRoster(testDb, ehpadA.id);
  await insertRoster(testDb, ehpadB.id, ROSTER_CASES.slice(0, 4));
  await insertRoster(testDb, hospital.id, ROSTER_CASES.slice(2));
  const snapshots: Record<string, Date[]> = {
    [ehpadA.id]: [new Date("2025-12-10T09:00:00Z"), new Date("2026-02-15T09:00:00Z"), new Date("2026-03-20T09:00:00Z")],
    [ehpadB.id]: [new Date("2026-01-05T09:00:00Z")],
    [hospital.id]: [new Date("2025-12-31T23:30:00Z")], // 1 January 2026 in Paris
  };
  for (const [id, dates] of Object.entries(snapshots))
    for (const at of dates) await recordIndicatorSnapshot(testDb, id, "DAILY", { now: at });
  await rebuildRolloutFigures(NOW, testDb);

  // Dossiers: a draft of A; B's selected; two submitted dossiers of new EHPAD (75 and 84), one under review.
  await createDraft(testDb, ehpadA.id, wave);
  const selected = await testDb.application.create({
    data: { establishmentId: ehpadB.id, waveId: wave.waveId, waveVersionId: wave.versionId, state: "SELECTED" },
  });
  await testDb.decision.create({
    data: { applicationId: selected.id, waveId: wave.waveId, outcome: "SELECTED", amountGrantedCents: 250_000_00n, releasedAt: NOW },
  });
  await testDb.budgetLine.create({
    data: { applicationId: selected.id, category: "EQUIPMENT", label: "Clés", amountCents: 300_000_00n, position: 0 },
  });
  const inReview = await createSubmittedDossier(testDb, wave);
  await testDb.application.update({ where: { id: inReview.id }, data: { state: "UNDER_REVIEW" } });
  await createSubmittedDossier(testDb, wave, { regionCode: "84", departmentCode: "69" });

  // Review of the dossier under review: two regional reviewers (one submitted, one late), two national ones (one in conflict).
  const reviewers = await Promise.all([0, 1, 2, 3].map(() => createReviewer(testDb)));
  const assign = (index: number, tier: "REGIONAL" | "NATIONAL", dueAt: Date | null = null) =>
    testDb.reviewerAssignment.create({ data: { applicationId: inReview.id, reviewerId: reviewers[index]!.userId, tier, dueAt } });
  const submitted = await assign(0, "REGIONAL");
  await testDb.review.create({ data: { assignmentId: submitted.id, status: "SUBMITTED", submittedAt: new Date("2026-02-20T10:00:00Z") } });
  await assign(1, "REGIONAL");
  const conflicted = await assign(2, "NATIONAL");
  await testDb.conflictDeclaration.create({ data: { assignmentId: conflicted.id, hasConflict: true, type: "FINANCIAL_INTEREST" } });
  await assign(3, "NATIONAL", new Date("2026-03-20T12:00:00Z")); // its own due date, passed
  return { wave, ehpadA, ehpadB, hospital, snapshots };
}

/** The rules module's figures, summed: each establishment's roster computed at its latest snapshot by the month's end. */
async function expectedRollout(world: World, month: Month, establishmentIds: readonly string[]): Promise<RolloutCounts> {
  const end = monthStart(addMonths(month, 1));
  let total = EMPTY_ROLLOUT;
  for (const id of establishmentIds) {
    const last = world.snapshots[id]!.filter((at) => at < end).at(-1);
    if (!last) continue;
    const indicators = await computeEstablishmentIndicators(testDb, id, parisToday(last));
    total = addRollout(total, { ...snapshotCounts(indicators!), establishments: 1 });
  }
  return total;
}

describe("the programme's dashboard", () => {
  let world: World;
  beforeAll(async () => {
    await resetDatabase();
    world = await buildWorld();
  });

  it("sums, month by month, the indicators the rules module gives each establishment at its latest snapshot", async () => {
    const dashboard = await loadProgrammeDashboard(testDb, filters(), NOW);
    const all = [world.ehpadA.id, world.ehpadB.id, world.hospital.id];
    expect(dashboard.rollout.curve.map((point) => point.month)).toEqual(["2025-12", "2026-01", "2026-02", "2026-03"]);
    for (const point of dashboard.rollout.curve) {
      const { month, ...counts } = point;
      expect(counts, month).toEqual(await expectedRollout(world, month, all));
    }
    // The figures change over time (a departure, the end of the transition MIE): the curve is not flat.
    expect(new Set(dashboard.rollout.curve.map((point) => point.rieCompliant)).size).toBeGreaterThan(1);
  });

  it("narrows the rollout to a region, a sector, or the wave's eligible categories", async () => {
    const ile = await loadProgrammeDashboard(testDb, filters({ region: "11" }), NOW);
    expect(ile.rollout.curve.at(-1)).toMatchObject(await expectedRollout(world, "2026-03", [world.hospital.id]));
    const es = await loadProgrammeDashboard(testDb, filters({ categorie: "ES" }), NOW);
    expect(es.rollout.curve.at(-1)).toEqual({ month: "2026-03", ...(await expectedRollout(world, "2026-03", [world.hospital.id])) });
    const wave = await loadProgrammeDashboard(testDb, filters({ vague: world.wave.waveId }), NOW);
    expect(wave.rollout.curve.at(-1)).toEqual({
      month: "2026-03",
      ...(await expectedRollout(world, "2026-03", [world.ehpadA.id, world.ehpadB.id])),
    });
    expect(wave.rollout.byCategory.map((row) => row.categoryCode)).toEqual(["500"]);
  });

  it("keeps past months when the job refreshes the current one, and picks up a new snapshot", async () => {
    const before = (await loadProgrammeDashboard(testDb, filters(), NOW)).rollout.curve;
    await recordIndicatorSnapshot(testDb, world.ehpadB.id, "CHANGE", { now: new Date("2026-03-24T09:00:00Z") });
    world.snapshots[world.ehpadB.id]!.push(new Date("2026-03-24T09:00:00Z"));
    await refreshRolloutFigures(NOW, testDb);
    const after = (await loadProgrammeDashboard(testDb, filters(), NOW)).rollout.curve;
    expect(after.slice(0, 3)).toEqual(before.slice(0, 3));
    const { month, ...march } = after[3]!;
    expect(march).toEqual(await expectedRollout(world, month, [world.ehpadA.id, world.ehpadB.id, world.hospital.id]));
  });

  it("counts the funnel and its breakdowns from the dossiers' states", async () => {
    const dashboard = await loadProgrammeDashboard(testDb, filters(), NOW);
    expect(Object.fromEntries(dashboard.funnel.map((stage) => [stage.key, stage.count]))).toEqual({
      started: 4,
      submitted: 3,
      reviewed: 2,
      scored: 1,
      decided: 1,
      selected: 1,
    });
    // By the regions' names: Auvergne-Rhône-Alpes (84) before Nouvelle-Aquitaine (75).
    expect(dashboard.byRegion).toEqual([
      { regionCode: "84", counts: { SUBMITTED: 1 } },
      { regionCode: "75", counts: { DRAFT: 1, SELECTED: 1, UNDER_REVIEW: 1 } },
    ]);
    const auvergne = await loadProgrammeDashboard(testDb, filters({ region: "84" }), NOW);
    expect(auvergne.funnel.map((stage) => stage.count)).toEqual([1, 1, 0, 0, 0, 0]);
    expect(auvergne.regions.map((row) => row.regionCode)).toEqual(["84"]);
    // A sector stands for its categories: every dossier is an EHPAD's (500, médico-social), none a hospital's.
    const esms = await loadProgrammeDashboard(testDb, filters({ categorie: "ESMS" }), NOW);
    expect(esms.funnel).toEqual(dashboard.funnel);
    expect(esms.review).toEqual(dashboard.review);
    const es = await loadProgrammeDashboard(testDb, filters({ categorie: "ES" }), NOW);
    expect(es.funnel.map((stage) => stage.count)).toEqual([0, 0, 0, 0, 0, 0]);
    expect(es.review).toEqual([]);
  });

  it("counts eligible establishments by the wave's category rule, and those that applied", async () => {
    const dashboard = await loadProgrammeDashboard(testDb, filters({ vague: world.wave.waveId }), NOW);
    const wave = { opensAt: new Date("2026-01-01"), closesAt: new Date("2027-01-01"), eligibleCategoryCodes: ["500"] };
    const establishments = await testDb.establishment.findMany({
      select: { id: true, regionCode: true, category: { select: { code: true, label: true } }, applications: { select: { waveId: true } } },
    });
    for (const region of dashboard.regions) {
      const here = establishments.filter((row) => row.regionCode === region.regionCode);
      const eligible = here.filter((row) => screenEligibility({ wave, category: row.category, now: new Date("2026-06-01") }).eligible);
      expect(region.eligible, region.regionCode).toBe(eligible.length);
      expect(region.applied, region.regionCode).toBe(
        eligible.filter((row) => row.applications.some((application) => application.waveId === world.wave.waveId)).length,
      );
    }
    expect(dashboard.national).toMatchObject({ eligible: 4, applied: 4, dossiers: 4 });
  });

  it("tells overdue reviews per tier by the review's due-date rules", async () => {
    const dashboard = await loadProgrammeDashboard(testDb, filters(), NOW);
    const assignments = await testDb.reviewerAssignment.findMany({
      select: {
        tier: true,
        dueAt: true,
        review: { select: { status: true } },
        conflict: { select: { hasConflict: true } },
        application: { select: { state: true, wave: true } },
      },
    });
    for (const tier of dashboard.review) {
      const live = assignments.filter((row) => row.tier === tier.tier && row.conflict?.hasConflict !== true);
      const submitted = (row: (typeof live)[number]) => row.review?.status === "SUBMITTED";
      expect(tier).toEqual({
        tier: tier.tier,
        assigned: live.length,
        submitted: live.filter(submitted).length,
        overdue: live.filter(
          (row) =>
            reviewDeadline(
              {
                state: row.application.state,
                hasConflict: row.conflict?.hasConflict ?? null,
                submitted: submitted(row),
                dueAt: effectiveDueAt(row, row.application.wave),
              },
              NOW,
            ) === "OVERDUE",
        ).length,
        conflicts: assignments.filter((row) => row.tier === tier.tier && row.conflict?.hasConflict === true).length,
      });
    }
    expect(dashboard.review.map((tier) => [tier.tier, tier.overdue])).toEqual([
      ["REGIONAL", 1],
      ["NATIONAL", 1],
    ]);
  });

  it("shows each wave's envelope beside what was granted and asked, and the same figures in its table", async () => {
    const dashboard = await loadProgrammeDashboard(testDb, filters({ vague: world.wave.waveId }), NOW);
    expect(dashboard.envelopes).toEqual([
      {
        waveId: world.wave.waveId,
        title: world.wave.title,
        availableCents: 10_000_000_00n,
        grantedCents: 250_000_00n,
        requestedCents: 300_000_00n + 2n * 1_250_000n,
        selected: 1,
      },
    ]);
    expect(dashboardTable(dashboard, "enveloppes").rows).toEqual([
      [world.wave.title, 10_000_000_00n, 250_000_00n, 9_750_000_00n, 325_000_00n, 1],
    ]);
  });
});
