import type { Db } from "@/lib/db/client";
import { rebuildRolloutFigures } from "@/lib/dashboard/refresh-rollout-figures";
import { recordDailySnapshots } from "@/lib/roster/snapshots";
import { generateIndicatorDataset } from "./scenarios/indicators";

export type NationalDataset = { establishmentIds: string[]; waveId: string; timings: Record<string, number> };

async function timed<T>(timings: Record<string, number>, name: string, work: () => Promise<T>): Promise<T> {
  const started = Date.now();
  const result = await work();
  timings[name] = (Date.now() - started) / 1000;
  return result;
}

/**
 * The programme at national size, inside PostgreSQL (generate_series, one INSERT … SELECT per
 * table): `establishments` establishments over every region and category with `professionals`
 * professionals (the indicators scenario's generator), today's snapshot of every roster written by
 * the rules module (`recordDailySnapshots`), `months` monthly snapshots before it, one wave with
 * `dossiers` dossiers in every state, reviewers' assignments and reviews, and decisions.
 *
 * The past months' snapshots are derived from today's (fewer registered, verified and compliant
 * professionals the further back): their shape is made up, but they are rows like any other for
 * the queries. Only today's figures are compared with the rules module.
 */
export async function generateNationalDataset(
  db: Db,
  options: { establishments: number; professionals: number; dossiers: number; months: number; now: Date },
): Promise<NationalDataset> {
  const timings: Record<string, number> = {};
  const establishmentIds = await timed(timings, "rosters", () =>
    generateIndicatorDataset(db, options.establishments, options.professionals),
  );
  await timed(timings, "today's snapshots (rules module)", () => recordDailySnapshots(options.now, db));
  await timed(timings, `${options.months} months of snapshots`, () =>
    db.$executeRawUnsafe(
      `
      INSERT INTO "IndicatorSnapshot" (id, "establishmentId", "takenAt", reason, active, registered, "substantialId", "rieCompliant", "dmpReady")
      SELECT gen_random_uuid(), s."establishmentId", s."takenAt" - k * interval '1 month', 'DAILY', s.active,
             greatest(0, s.registered - (s.registered * k) / ($1 + 4)), greatest(0, s."substantialId" - (s."substantialId" * k) / ($1 + 2)),
             greatest(0, s."rieCompliant" - (s."rieCompliant" * k) / ($1 + 1)), greatest(0, s."dmpReady" - (s."dmpReady" * k) / ($1 + 1))
      FROM "IndicatorSnapshot" s CROSS JOIN generate_series(1, $1) AS k
      WHERE s.reason = 'DAILY'`,
      options.months,
    ),
  );
  const waveId = await timed(timings, "wave and dossiers", () => generateWave(db, options.dossiers, options.now));
  await db.$executeRawUnsafe(
    `VACUUM (ANALYZE) "IndicatorSnapshot", "Application", "BudgetLine", "ReviewerAssignment", "Review", "Decision", "User"`,
  );
  await timed(timings, "rollout figures (rebuild)", () => rebuildRolloutFigures(options.now, db));
  await db.$executeRawUnsafe(`VACUUM (ANALYZE) "RolloutFigure"`);
  return { establishmentIds, waveId, timings };
}

export async function generateWave(db: Db, dossiers: number, now: Date): Promise<string> {
  const categories = await db.establishmentCategory.findMany({ select: { code: true } });
  const campaign = await db.campaign.create({ data: { slug: `bench-${now.getTime()}`, title: "HospiConnect (bench)", description: "" } });
  const wave = await db.wave.create({
    data: {
      campaignId: campaign.id,
      kind: "GENERALISATION",
      title: "Vague nationale (bench)",
      year: now.getUTCFullYear(),
      opensAt: new Date(now.getTime() - 90 * 86_400_000),
      closesAt: new Date(now.getTime() - 30 * 86_400_000),
      fundingEnvelopeCents: 50_000_000_00n,
      reviewTiers: "REGIONAL_THEN_NATIONAL",
      regionalReviewDueAt: new Date(now.getTime() - 7 * 86_400_000),
      nationalReviewDueAt: new Date(now.getTime() + 14 * 86_400_000),
      eligibleCategories: { create: categories.map((category) => ({ categoryCode: category.code })) },
      versions: { create: { number: 1, frozenAt: now } },
    },
    select: { id: true, versions: { select: { id: true } } },
  });
  const versionId = wave.versions[0]!.id;
  // States drawn with the weights of a wave under review; the dossier's update time spread over the wave.
  await db.$executeRawUnsafe(
    `
    INSERT INTO "Application" (id, "establishmentId", "waveId", "waveVersionId", state, "projectTitle", "createdAt", "updatedAt")
    SELECT gen_random_uuid(), e.id, $1::uuid, $2::uuid,
           (ARRAY['DRAFT','SUBMITTED','UNDER_REVIEW','UNDER_REVIEW','INFORMATION_REQUESTED','SCORED','SELECTED','REJECTED','WITHDRAWN','SUBMITTED'])[1 + floor(random() * 10)::int]::"ApplicationState",
           'Projet ' || e.name, now() - random() * interval '90 days', now() - random() * interval '60 days'
    FROM (SELECT id, name FROM "Establishment" WHERE "finessEt" LIKE '9%' ORDER BY random() LIMIT $3) e`,
    wave.id,
    versionId,
    dossiers,
  );
  await db.$executeRawUnsafe(
    `
    INSERT INTO "BudgetLine" (id, "applicationId", category, label, "amountCents", position)
    SELECT gen_random_uuid(), a.id, 'EQUIPMENT', 'Clés FIDO2', (50000 + floor(random() * 200000))::bigint * 100, 0 FROM "Application" a WHERE a."waveId" = $1::uuid`,
    wave.id,
  );
  await db.$executeRawUnsafe(
    `
    INSERT INTO "User" (id, email, "displayName", "staffRole")
    SELECT gen_random_uuid(), 'instructeur-' || i || '-' || $1 || '@bench.test', 'Instructeur ' || i, 'REVIEWER' FROM generate_series(1, 200) AS i`,
    String(now.getTime()),
  );
  // Two reviewers per tier for each dossier in review or beyond; reviews submitted for the scored ones and half of the others.
  await db.$executeRawUnsafe(
    `
    INSERT INTO "ReviewerAssignment" (id, "applicationId", "reviewerId", tier, "assignedAt")
    SELECT gen_random_uuid(), a.id, r.id, tier::"ReviewTier", now() - interval '20 days'
    FROM "Application" a
    CROSS JOIN (VALUES ('REGIONAL', 0), ('REGIONAL', 1), ('NATIONAL', 2), ('NATIONAL', 3)) AS slot(tier, n)
    JOIN LATERAL (SELECT id FROM "User" WHERE "staffRole" = 'REVIEWER' ORDER BY id OFFSET (abs(hashtext(a.id::text)) + slot.n * 37) % 200 LIMIT 1) r ON TRUE
    WHERE a."waveId" = $1::uuid AND a.state IN ('UNDER_REVIEW', 'INFORMATION_REQUESTED', 'SCORED', 'SELECTED', 'REJECTED')`,
    wave.id,
  );
  await db.$executeRawUnsafe(
    `
    INSERT INTO "Review" (id, "assignmentId", status, "submittedAt", "updatedAt")
    SELECT gen_random_uuid(), id, CASE WHEN submitted THEN 'SUBMITTED' ELSE 'DRAFT' END::"ReviewStatus", CASE WHEN submitted THEN now() END, now()
    FROM (SELECT ra.id, a.state IN ('SCORED', 'SELECTED', 'REJECTED') OR random() < 0.5 AS submitted
          FROM "ReviewerAssignment" ra JOIN "Application" a ON a.id = ra."applicationId" WHERE a."waveId" = $1::uuid) drawn`,
    wave.id,
  );
  await db.$executeRawUnsafe(
    `
    INSERT INTO "Decision" (id, "applicationId", "waveId", outcome, "amountGrantedCents", conditions, reasons, "releasedAt")
    SELECT gen_random_uuid(), a.id, a."waveId", a.state::text::"DecisionOutcome", CASE WHEN a.state = 'SELECTED' THEN (40000 + floor(random() * 100000))::bigint * 100 END,
           '', CASE WHEN a.state = 'REJECTED' THEN 'Comité national' ELSE '' END, now()
    FROM "Application" a WHERE a."waveId" = $1::uuid AND a.state IN ('SELECTED', 'REJECTED')`,
    wave.id,
  );
  return wave.id;
}
