import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { resetDatabase, testDb } from "@/test/integration/database";
import { computeEstablishmentIndicators } from "./establishment-indicators";
import { ROLLOUT_PERIODS, rolloutPeriod } from "./rollout-periods";
import { indicatorsFromSnapshot, listIndicatorSnapshots, recordDailySnapshots, recordIndicatorSnapshot } from "./snapshots";
import { establishmentWithDirector, insertRoster, ROSTER_CASES } from "@/test/factories";

/** The history stays compact (one DAILY / CHANGE point per Paris day) and keeps every submission. */
describe("indicator snapshots", () => {
  beforeEach(resetDatabase);

  async function rosterOf(count = ROSTER_CASES.length) {
    const { establishment } = await establishmentWithDirector(testDb);
    await insertRoster(testDb, establishment.id, ROSTER_CASES.slice(0, count));
    return establishment.id;
  }

  const snapshots = (establishmentId: string) =>
    testDb.indicatorSnapshot.findMany({ where: { establishmentId }, orderBy: { takenAt: "asc" } });

  it("replaces the same Paris day's CHANGE snapshot, and adds one on a new day", async () => {
    const id = await rosterOf(2);
    const morning = await recordIndicatorSnapshot(testDb, id, "CHANGE", { now: new Date("2026-11-29T08:00:00Z") });
    expect(morning).toMatchObject({ active: 2, registered: 2, substantialId: 2, rieCompliant: 2, dmpReady: 1 });
    await insertRoster(testDb, id, ROSTER_CASES.slice(2, 4), false);
    // 23:59 in Paris: still 29 November there.
    const evening = await recordIndicatorSnapshot(testDb, id, "CHANGE", { now: new Date("2026-11-29T22:59:00Z") });
    expect(evening.id).toBe(morning.id);
    expect(evening).toMatchObject({ active: 4, takenAt: new Date("2026-11-29T22:59:00Z") });
    expect(await snapshots(id)).toHaveLength(1);

    // 00:01 in Paris on 30 November.
    const nextDay = await recordIndicatorSnapshot(testDb, id, "CHANGE", { now: new Date("2026-11-29T23:01:00Z") });
    expect(nextDay.id).not.toBe(morning.id);
    const history = await snapshots(id);
    expect(history.map((row) => [row.reason, row.active])).toEqual([
      ["CHANGE", 4],
      ["CHANGE", 4],
    ]);
    expect(indicatorsFromSnapshot(history[1]!)).toEqual(await computeEstablishmentIndicators(testDb, id, "2026-11-30"));
  });

  it("records inside the caller's transaction, with its uncommitted rows, and rolls back with it", async () => {
    const id = await rosterOf(2);
    await testDb.$transaction(async (tx) => {
      await tx.professional.create({
        data: {
          establishmentId: id,
          lastName: "Nouveau",
          firstName: "Test",
          population: "SALARIED",
          professionCode: "60",
          activityStart: new Date("2026-01-01"),
        },
      });
      await expect(recordIndicatorSnapshot(tx, id, "CHANGE", { now: new Date("2026-11-29T10:00:00Z") })).resolves.toMatchObject({
        active: 3,
      });
    });
    expect((await snapshots(id)).map((row) => row.active)).toEqual([3]);
    await testDb
      .$transaction(async (tx) => {
        await recordIndicatorSnapshot(tx, id, "CHANGE", { now: new Date("2026-11-29T11:00:00Z") });
        throw new Error("the roster write failed");
      })
      .catch(() => {});
    expect((await snapshots(id)).map((row) => row.takenAt)).toEqual([new Date("2026-11-29T10:00:00Z")]);
  });

  it("keeps one snapshot for the day when writers record at the same time through the app's client", async () => {
    const id = await rosterOf(3);
    const at = (minute: number) => new Date(`2026-11-29T10:0${minute}:00Z`);
    await Promise.all([1, 2, 3, 4].map((minute) => recordIndicatorSnapshot(db, id, "CHANGE", { now: at(minute) })));
    expect((await snapshots(id)).map((row) => row.active)).toEqual([3]);
  });

  it("keeps a SUBMISSION snapshot linked to its dossier beside the day's CHANGE", async () => {
    const id = await rosterOf();
    const campaign = await testDb.campaign.create({ data: { slug: "c", title: "HospiConnect", description: "" } });
    const wave = await testDb.wave.create({
      data: {
        campaignId: campaign.id,
        kind: "GENERALISATION",
        title: "Vague",
        year: 2026,
        opensAt: new Date("2026-01-01"),
        closesAt: new Date("2026-12-31"),
        fundingEnvelopeCents: 0n,
        versions: { create: { number: 1 } },
      },
      include: { versions: true },
    });
    const application = await testDb.application.create({
      data: { establishmentId: id, waveId: wave.id, waveVersionId: wave.versions[0]!.id },
    });
    await recordIndicatorSnapshot(testDb, id, "CHANGE", { now: new Date("2026-11-29T08:00:00Z") });
    const submitted = await recordIndicatorSnapshot(testDb, id, "SUBMISSION", {
      applicationId: application.id,
      now: new Date("2026-11-29T09:00:00Z"),
    });
    await recordIndicatorSnapshot(testDb, id, "CHANGE", { now: new Date("2026-11-29T10:00:00Z") });
    await recordIndicatorSnapshot(testDb, id, "SUBMISSION", { now: new Date("2026-11-29T11:00:00Z") });
    const history = await snapshots(id);
    expect(history.map((row) => [row.reason, row.applicationId])).toEqual([
      ["SUBMISSION", application.id],
      ["CHANGE", null],
      ["SUBMISSION", null],
    ]);
    expect(history[0]).toMatchObject({ id: submitted.id, active: 5, registered: 3, substantialId: 4, rieCompliant: 4, dmpReady: 2 });
  });

  it("takes one DAILY snapshot per establishment with professionals and none yet today", async () => {
    const [a, b, c] = [await rosterOf(2), await rosterOf(3), await rosterOf(4)];
    const { establishment: empty } = await establishmentWithDirector(testDb);
    const now = new Date("2026-11-29T05:00:00Z");
    await recordIndicatorSnapshot(testDb, b, "CHANGE", { now: new Date("2026-11-28T23:30:00Z") });
    expect(await recordDailySnapshots(now)).toBe(2);
    expect(await recordDailySnapshots(now)).toBe(0);
    const rows = await testDb.indicatorSnapshot.findMany({ select: { establishmentId: true, reason: true, active: true } });
    expect(rows).toHaveLength(3);
    expect(rows).toEqual(
      expect.arrayContaining([
        { establishmentId: a, reason: "DAILY", active: 2 },
        { establishmentId: b, reason: "CHANGE", active: 3 },
        { establishmentId: c, reason: "DAILY", active: 4 },
      ]),
    );
    expect(rows.some((row) => row.establishmentId === empty.id)).toBe(false);
    // A CHANGE later that day replaces the DAILY point rather than adding one.
    await recordIndicatorSnapshot(testDb, a, "CHANGE", { now: new Date("2026-11-29T15:00:00Z") });
    expect((await snapshots(a)).map((row) => row.reason)).toEqual(["CHANGE"]);
  });

  it("draws the rollout curve from the last reading of each Paris day, week or month of the period", async () => {
    const { establishment } = await establishmentWithDirector(testDb);
    const now = new Date("2026-12-02T10:00:00Z");
    const reading = (takenAt: string, active: number, reason: "DAILY" | "SUBMISSION" = "DAILY") => ({
      establishmentId: establishment.id,
      takenAt: new Date(takenAt),
      reason,
      active,
      registered: 1,
      substantialId: 1,
      rieCompliant: 1,
      dmpReady: 1,
    });
    // A reading at 10:00 UTC every day for 800 days, the last one `now`.
    const daily = Array.from({ length: 800 }, (_, back) => reading(new Date(now.getTime() - back * 86_400_000).toISOString(), 10));
    await testDb.indicatorSnapshot.createMany({
      data: [
        ...daily,
        // Sunday 29 November, 23:59 in Paris: that day's and that week's last reading.
        reading("2026-11-29T22:59:00Z", 11, "SUBMISSION"),
        // Sunday 1 November, 00:30 in Paris: November's, not October's (a UTC month would say October).
        reading("2026-10-31T23:30:00Z", 12),
      ],
    });
    const curve = async (id: string) =>
      (await listIndicatorSnapshots(testDb, establishment.id, { period: rolloutPeriod(id), now })).map((point) => [
        point.takenAt.toISOString(),
        point.active,
      ]);

    const days = await curve("3-mois");
    expect(days).toHaveLength(93);
    expect(days[0]).toEqual(["2026-09-01T10:00:00.000Z", 10]);
    expect(days).toContainEqual(["2026-11-29T22:59:00.000Z", 11]);
    expect(days).not.toContainEqual(["2026-11-29T10:00:00.000Z", 10]);
    // 31 October's last reading in Paris (in UTC, it would be the one of 1 November at 00:30).
    expect(days).toContainEqual(["2026-10-31T10:00:00.000Z", 10]);
    expect(days).not.toContainEqual(["2026-10-31T23:30:00.000Z", 12]);
    expect(days.at(-1)).toEqual([now.toISOString(), 10]);

    const weeks = await curve("12-mois");
    // Each point is a week's last reading: Sundays, but for the week under way.
    expect(weeks).toHaveLength(53);
    expect(weeks.slice(-2)).toEqual([
      ["2026-11-29T22:59:00.000Z", 11],
      [now.toISOString(), 10],
    ]);
    expect(weeks.slice(1, -1).every(([takenAt]) => new Date(takenAt as string).getUTCDay() === 0)).toBe(true);

    const months = await curve("24-mois");
    expect(months).toHaveLength(25);
    expect(months.slice(-3)).toEqual([
      ["2026-10-31T10:00:00.000Z", 10],
      ["2026-11-30T10:00:00.000Z", 10],
      [now.toISOString(), 10],
    ]);
    // A page asked for a period no form offers shows the default one.
    expect(rolloutPeriod("5-ans")).toBe(ROLLOUT_PERIODS[1]);
  });
});
