import type { Db } from "@/lib/db/client";
import { checkPlan } from "@/lib/review/assignment-check";
import { loadAssignmentInputs } from "@/lib/review/assignment-inputs";
import { planAssignments, type PlanInput } from "@/lib/review/assignment-plan";
import { measure, type ScenarioResult } from "../harness";

/** Bench establishments of this scenario have FINESS numbers starting with 8 (the indicators' start with 9). */
const PREFIX = "8";

/**
 * The automatic assignment of `dossiers` submitted dossiers to `reviewers` ANS reviewers (k = 2),
 * with caps (one reviewer in ten capped lower) and about `flaggedShare` of the pairs flagged by
 * affiliations matching the establishments' legal entities. Generated inside PostgreSQL. Measures
 * the plan (min-cost flow, lib/review/assignment-plan.ts) against reading its inputs from the
 * database (the preview's query), then checks every rule on the plan.
 */
export async function assignReviewers(
  db: Db,
  dossiers: number,
  reviewers: number,
  flaggedShare: number,
  runs: number,
): Promise<{ result: ScenarioResult; report: string }> {
  const category = await db.establishmentCategory.findFirstOrThrow({ select: { code: true } });
  const [wave] = await db.$queryRawUnsafe<Array<{ id: string }>>(`
    WITH campaign AS (INSERT INTO "Campaign" (id, slug, title, description) VALUES (gen_random_uuid(), 'bench-attribution', 'Bench', '') RETURNING id)
    INSERT INTO "Wave" (id, "campaignId", kind, title, year, "opensAt", "closesAt", "fundingEnvelopeCents", "reviewersPerDossier")
    SELECT gen_random_uuid(), campaign.id, 'GENERALISATION', 'Vague du bench', 2030, now() - interval '90 days', now() - interval '1 day', 0, 2 FROM campaign
    RETURNING id`);
  const waveId = wave!.id;
  const [version] = await db.$queryRawUnsafe<Array<{ id: string }>>(
    `INSERT INTO "WaveVersion" (id, "waveId", number) VALUES (gen_random_uuid(), $1::uuid, 1) RETURNING id`,
    waveId,
  );
  const versionId = version!.id;
  await db.$executeRawUnsafe(
    `
    INSERT INTO "Establishment" (id, name, "finessEt", "finessEj", siret, "categoryCode", "regionCode", "departmentCode", headcount, city, "updatedAt")
    SELECT gen_random_uuid(), 'Établissement ' || i, '${PREFIX}' || lpad(i::text, 8, '0'), '${PREFIX}' || lpad((i + 500000)::text, 8, '0'), lpad(i::text, 9, '0') || '00011',
           $1, '11', '75', 50, 'Paris', now()
    FROM generate_series(0, $2 - 1) AS i`,
    category.code,
    dossiers,
  );
  await db.$executeRawUnsafe(
    `
    INSERT INTO "Application" (id, "establishmentId", "waveId", "waveVersionId", state, version, "updatedAt")
    SELECT gen_random_uuid(), e.id, $1::uuid, $2::uuid, 'SUBMITTED', 2, now() FROM "Establishment" e WHERE e."finessEt" LIKE '${PREFIX}%'`,
    waveId,
    versionId,
  );
  await db.$executeRawUnsafe(
    `
    INSERT INTO "Partner" (id, "applicationId", name, siret, role, position)
    SELECT gen_random_uuid(), a.id, 'Éditeur', lpad(right(e."finessEt", 8), 9, '7') || '00019', 'IAM_SSO', 0
    FROM "Application" a JOIN "Establishment" e ON e.id = a."establishmentId" WHERE a."waveId" = $1::uuid`,
    waveId,
  );
  await db.$executeRawUnsafe(
    `
    INSERT INTO "User" (id, email, "displayName", "staffRole")
    SELECT gen_random_uuid(), 'bench.instructeur.' || r || '@bench.test', 'Instructeur ' || r, 'REVIEWER' FROM generate_series(0, $1 - 1) AS r`,
    reviewers,
  );
  // Each reviewer worked for `flaggedShare` of the legal entities, spread over the data set.
  const perReviewer = Math.round(dossiers * flaggedShare);
  await db.$executeRawUnsafe(
    `
    INSERT INTO "ReviewerAffiliation" (id, "userId", kind, reference, "startsOn")
    SELECT gen_random_uuid(), u.id, 'FINESS', '${PREFIX}' || lpad((((r * 7919 + j * 131) % $1) + 500000)::text, 8, '0'), DATE '2020-01-01'
    FROM (SELECT id, row_number() OVER (ORDER BY email) - 1 AS r FROM "User" WHERE email LIKE 'bench.instructeur.%') AS u(id, r), generate_series(0, $2 - 1) AS j`,
    dossiers,
    perReviewer,
  );

  const now = new Date();
  const cap = Math.ceil((dossiers * 2) / reviewers) + 5;
  const lowCap = Math.floor(cap / 2);
  let input: PlanInput | null = null;
  const read = await measure("read the inputs (dossiers, partners, reviewers, affiliations, loads, flags)", runs, async () => {
    const inputs = await loadAssignmentInputs(db, waveId, "NATIONAL", now);
    let index = 0;
    input = { k: 2, dossiers: inputs.planDossiers, reviewers: inputs.planReviewers(() => (index++ % 10 === 0 ? lowCap : cap)) };
  });
  let plan: ReturnType<typeof planAssignments> | null = null;
  const solve = await measure("plan (min-cost flow: greedy, augmenting paths, cycle cancelling)", runs, async () => {
    plan = planAssignments(input!);
  });
  const problems = checkPlan(input!, plan!);
  const flagged = input!.dossiers.reduce((sum, dossier) => sum + dossier.flagged.length, 0);
  const loads = Object.values(plan!.loads);
  const report =
    `Assignment: ${dossiers.toLocaleString("en-US")} dossiers × ${reviewers} reviewers, k = 2, caps ${cap} (${lowCap} for one in ten), ` +
    `${flagged.toLocaleString("en-US")} flagged pairs (${((100 * flagged) / (dossiers * reviewers)).toFixed(1)} %): ${plan!.assignments.length.toLocaleString("en-US")} assignments, ` +
    `${plan!.shortfalls.length} dossiers short, loads ${Math.min(...loads)}–${Math.max(...loads)}; constraints ${problems.length === 0 ? "all hold" : `BROKEN:\n  ${problems.slice(0, 10).join("\n  ")}`}`;
  return { result: { scenario: "automatic assignment", candidate: solve, baseline: read }, report };
}
