import type { Db } from "@/lib/db/client";
import {
  MIE_CATALOGUE,
  MIE_TYPES,
  IDENTITY_VERIFICATION_CATALOGUE,
  RIE_DEADLINE,
  isHomologable,
  meetsEidasLevel,
} from "@/lib/mie/catalogue";
import { DEPARTMENTS } from "@/lib/establishments/territories";
import { parisToday } from "@/lib/roster/dates";
import { computeIndicatorsForEstablishments, snapshotCounts, type SnapshotCounts } from "@/lib/roster/establishment-indicators";
import { measure, type ScenarioResult } from "../harness";

/** Bench establishments are told apart from the other scenarios' by their FINESS, which starts with 9. */
const BENCH_FINESS = "9%";

/**
 * Generates the data set inside PostgreSQL (generate_series, one INSERT … SELECT per table): a
 * million rows sent one by one from Node would take longer than the whole benchmark. Values are
 * drawn so that every verdict occurs: registered or not (with some wrong RPPS keys), every identity
 * method, activities that ended or not yet started, every MIE type, expired and revoked ones,
 * homologations before and after the day, federated IdPs and AIR simplifié.
 */
export async function generateIndicatorDataset(db: Db, establishments: number, professionals: number): Promise<string[]> {
  const perEstablishment = Math.ceil(professionals / establishments);
  // The scenarios before this one delete what they inserted: reclaim that space first, as autovacuum
  // would on a live database, or every scan of the enrollments would also read the dead rows.
  await db.$executeRawUnsafe(`VACUUM "Professional", "MieEnrollment", "IndicatorSnapshot"`);
  // Spread over every category and every department (so every region, overseas included), as the
  // programme's establishments are: the dashboard's scenario reads them by region and category.
  const categories = (await db.establishmentCategory.findMany({ select: { code: true }, orderBy: { code: "asc" } })).map((row) => row.code);
  const departments = Object.entries(DEPARTMENTS);
  await db.$executeRawUnsafe(
    `
    INSERT INTO "Establishment" (id, name, "finessEt", "finessEj", "categoryCode", "regionCode", "departmentCode", headcount, city,
                                 "usesAirSimplifie", "idpFederatedWithPsc", "updatedAt")
    SELECT gen_random_uuid(), 'Établissement ' || i, '9' || lpad(i::text, 8, '0'), '9' || lpad(i::text, 8, '0'),
           ($1::text[])[1 + i % cardinality($1::text[])], ($4::text[])[1 + i % cardinality($4::text[])], ($5::text[])[1 + i % cardinality($5::text[])],
           $2, 'Ville', i % 4 = 0, i % 3 = 1, now()
    FROM generate_series(0, $3 - 1) AS i`,
    categories,
    perEstablishment,
    establishments,
    departments.map(([, [, region]]) => region),
    departments.map(([code]) => code),
  );
  await db.$executeRawUnsafe(`
    INSERT INTO "MieHomologation" (id, "establishmentId", type, "decidedAt")
    SELECT gen_random_uuid(), id, 'FIDO2_LOCAL'::"MieType", DATE '2025-06-01' FROM "Establishment" WHERE "finessEt" LIKE '${BENCH_FINESS}' AND right("finessEt", 8)::int % 3 = 0
    UNION ALL
    SELECT gen_random_uuid(), id, 'PLATFORM_AUTH', DATE '2027-03-01' FROM "Establishment" WHERE "finessEt" LIKE '${BENCH_FINESS}' AND right("finessEt", 8)::int % 5 = 0
    UNION ALL
    SELECT gen_random_uuid(), id, 'TOTP_APP', DATE '2024-01-01' FROM "Establishment" WHERE "finessEt" LIKE '${BENCH_FINESS}' AND right("finessEt", 8)::int % 7 = 0`);
  // RPPS: a 10-digit body (unique over the data set) and its Luhn key, wrong for ~3 %.
  const luhnSum = (body: string) =>
    Array.from({ length: 10 }, (_, index) => {
      const digit = `substr(${body}, ${index + 1}, 1)::int`;
      // From the right, the key excluded, the 1st, 3rd… body digits are doubled: positions 10, 8, 6, 4, 2.
      return (index + 1) % 2 === 0 ? `(ARRAY[0,2,4,6,8,1,3,5,7,9])[${digit} + 1]` : digit;
    }).join(" + ");
  await db.$executeRawUnsafe(
    `
    INSERT INTO "Professional" (id, "establishmentId", "lastName", "firstName", population, "professionCode", rpps, "rppsStatus", "rppsCheckedAt",
                                "identityVerification", "activityStart", "activityEnd", "needsDmp", "needsDpi", "needsPscServices", "needsSecureMessaging", "updatedAt")
    SELECT gen_random_uuid(), e.id, 'Nom ' || n, 'Prénom', population, code, CASE WHEN status = 'NOT_REGISTERED' THEN NULL ELSE body || ((10 - (${luhnSum("body")}) % 10 + wrong) % 10)::text END,
           status::"RppsStatus", CASE WHEN random() < 0.1 THEN NULL ELSE DATE '2023-01-01' + floor(random() * 1400)::int END,
           (ARRAY['NONE','REMOTE_ID_SCAN','PVID_SUBSTANTIAL','FRANCECONNECT_PLUS','FACE_TO_FACE','FACE_TO_FACE','CNIE_CHIP'])[1 + floor(random() * 7)::int]::"IdentityVerification",
           start, CASE WHEN random() < 0.2 THEN start + floor(random() * 3000)::int END,
           random() < 0.6, random() < 0.7, random() < 0.3, random() < 0.4, now()
    FROM (
      SELECT e.id, e.idx * $1 + j AS n, lpad((e.idx * $1 + j)::text, 10, '0') AS body,
             CASE WHEN r < 0.85 THEN 'REGISTERED' WHEN r < 0.92 THEN 'REQUESTED' ELSE 'NOT_REGISTERED' END AS status,
             CASE WHEN random() < 0.03 THEN 1 ELSE 0 END AS wrong,
             (ARRAY['SALARIED','SALARIED','SALARIED','SELF_EMPLOYED','INTERN','TEMPORARY','TRAINEE'])[1 + floor(random() * 7)::int]::"Population" AS population,
             codes[1 + floor(random() * cardinality(codes))::int] AS code,
             DATE '2015-01-01' + floor(random() * 4500)::int AS start
      FROM (SELECT id, (row_number() OVER (ORDER BY "finessEt") - 1)::int AS idx FROM "Establishment" WHERE "finessEt" LIKE '${BENCH_FINESS}') e
      CROSS JOIN generate_series(0, $1 - 1) AS j
      CROSS JOIN LATERAL (SELECT random() AS r) AS draw
      CROSS JOIN (SELECT array_agg(code ORDER BY code) AS codes FROM "Profession") AS professions
      WHERE e.idx * $1 + j < $2
    ) e`,
    perEstablishment,
    professionals,
  );
  // 0 to 3 enrollments per professional (1.5 on average), the count read from the row's own id.
  await db.$executeRawUnsafe(`
    INSERT INTO "MieEnrollment" (id, "professionalId", type, "enrolledAt", "expiresAt", "revokedAt")
    SELECT gen_random_uuid(), id, type, enrolled,
           CASE WHEN random() < 0.3 THEN enrolled + 200 + floor(random() * 900)::int END,
           CASE WHEN random() < 0.05 THEN enrolled + floor(random() * 600)::int END
    FROM (
      SELECT p.id, (ARRAY[${MIE_TYPES.map((type) => `'${type}'`).join(",")}])[1 + floor(random() * ${MIE_TYPES.length})::int]::"MieType" AS type,
             DATE '2022-01-01' + floor(random() * 1900)::int AS enrolled
      FROM "Professional" p
      CROSS JOIN LATERAL generate_series(1, get_byte(uuid_send(p.id), 15) % 4) AS k
      JOIN "Establishment" e ON e.id = p."establishmentId" AND e."finessEt" LIKE '${BENCH_FINESS}'
    ) m`);
  // Sets hint bits and the visibility map now, and writes the dirty pages out (where the bench's
  // role may), so that neither side pays for the generation during its runs.
  await db.$executeRawUnsafe(`VACUUM (ANALYZE) "Establishment", "MieHomologation", "Professional", "MieEnrollment"`);
  await db.$executeRawUnsafe(`CHECKPOINT`).catch(() => {});
  const rows = await db.$queryRawUnsafe<{ id: string }[]>(
    `SELECT id FROM "Establishment" WHERE "finessEt" LIKE '${BENCH_FINESS}' ORDER BY "finessEt"`,
  );
  return rows.map((row) => row.id);
}

const list = (values: readonly string[]) => (values.length === 0 ? "NULL" : values.map((value) => `'${value}'`).join(", "));

/**
 * The same five counts per establishment written by hand in SQL: one hash join of enrollments,
 * professionals, establishments and homologations, aggregated per professional then per
 * establishment, over the same establishments as the app's side (the other scenarios' rows are
 * left out). The MIE type lists are read from the catalogue so both sides apply the same one.
 */
function aggregateSql(): string {
  const types = MIE_TYPES.map((type) => [type, MIE_CATALOGUE[type]] as const);
  const state = types.filter(([, mie]) => mie.governance === "STATE").map(([type]) => type);
  const homologable = types.filter(([, mie]) => isHomologable(mie)).map(([type]) => type);
  const needsRpps = types.filter(([, mie]) => mie.needsRpps).map(([type]) => type);
  const twoFactor = types.filter(([, mie]) => mie.factors === 2).map(([type]) => type);
  const pscDirect = types.filter(([, mie]) => mie.pscDirect).map(([type]) => type);
  const throughIdp = types.filter(([, mie]) => mie.pscThroughFederatedIdp).map(([type]) => type);
  const substantialIdentity = Object.entries(IDENTITY_VERIFICATION_CATALOGUE)
    .filter(([, method]) => meetsEidasLevel(method.eidasLevel, "SUBSTANTIEL"))
    .map(([method]) => method);
  const digit = (position: number) => `substr(p.rpps, ${position}, 1)::int`;
  const luhn = Array.from({ length: 11 }, (_, index) =>
    index % 2 === 1 ? `(ARRAY[0,2,4,6,8,1,3,5,7,9])[${digit(index + 1)} + 1]` : digit(index + 1),
  ).join(" + ");
  // As `isValidRpps`: 11 digits passing Luhn, never all zeros (which passes it; the data set's first number is one).
  const registered = `p."rppsStatus" = 'REGISTERED' AND p.rpps ~ '^[0-9]{11}$' AND p.rpps <> '00000000000' AND (${luhn}) % 10 = 0`;
  return `
    WITH mie AS (
      SELECT "professionalId", bool_or(counts) AS rie, bool_or(counts AND reaches) AS dmp
      FROM (
        SELECT m."professionalId",
               ((m.type NOT IN (${list(needsRpps)}) OR COALESCE(${registered}, false)) AND
               (m.type IN (${list(state)}) OR (m.type IN (${list(homologable)}) AND h."decidedAt" <= $1::date)
                 OR ($1::date < DATE '${RIE_DEADLINE}' AND m.type IN (${list(twoFactor)})))) AS counts,
               (m.type IN (${list(pscDirect)}) OR (e."idpFederatedWithPsc" AND m.type IN (${list(throughIdp)}))
                 OR (e."usesAirSimplifie" AND m.type IN (${list(twoFactor)}))) AS reaches
        FROM "MieEnrollment" m
        JOIN "Professional" p ON p.id = m."professionalId"
        JOIN "Establishment" e ON e.id = p."establishmentId" AND e."finessEt" LIKE '${BENCH_FINESS}'
        LEFT JOIN "MieHomologation" h ON h."establishmentId" = p."establishmentId" AND h.type = m.type
        WHERE m."enrolledAt" <= $1::date AND (m."expiresAt" IS NULL OR m."expiresAt" > $1::date) AND (m."revokedAt" IS NULL OR m."revokedAt" > $1::date)
          AND p."activityStart" <= $1::date AND (p."activityEnd" IS NULL OR p."activityEnd" >= $1::date)
      ) AS enrollment
      GROUP BY "professionalId"
    )
    SELECT p."establishmentId" AS id,
           count(*)::int AS active,
           count(*) FILTER (WHERE ${registered})::int AS registered,
           count(*) FILTER (WHERE p."identityVerification" IN (${list(substantialIdentity)}))::int AS "substantialId",
           count(*) FILTER (WHERE mie.rie)::int AS "rieCompliant",
           count(*) FILTER (WHERE mie.dmp)::int AS "dmpReady"
    FROM "Professional" p
    JOIN "Establishment" e ON e.id = p."establishmentId" AND e."finessEt" LIKE '${BENCH_FINESS}'
    LEFT JOIN mie ON mie."professionalId" = p.id
    WHERE p."activityStart" <= $1::date AND (p."activityEnd" IS NULL OR p."activityEnd" >= $1::date)
    GROUP BY p."establishmentId"`;
}

const COUNTS: (keyof SnapshotCounts)[] = ["active", "registered", "substantialId", "rieCompliant", "dmpReady"];

/**
 * The indicators of every establishment through the app's path (the batch loader and the rules
 * module) against a hand-written SQL aggregate of the same counts at the same day, after checking
 * that both agree on every establishment.
 */
export async function establishmentIndicators(
  db: Db,
  establishments: number,
  professionals: number,
  runs: number,
): Promise<ScenarioResult> {
  const started = Date.now();
  const ids = await generateIndicatorDataset(db, establishments, professionals);
  const [{ count }] = (await db.$queryRawUnsafe<{ count: number }[]>(
    `SELECT count(*)::int AS count FROM "MieEnrollment" m JOIN "Professional" p ON p.id = m."professionalId" JOIN "Establishment" e ON e.id = p."establishmentId" WHERE e."finessEt" LIKE '${BENCH_FINESS}'`,
  )) as [{ count: number }];
  console.log(
    `indicators data set: ${ids.length.toLocaleString("en-US")} establishments, ${professionals.toLocaleString("en-US")} professionals, ${count.toLocaleString("en-US")} enrollments, generated in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );

  const at = parisToday();
  const sql = aggregateSql();
  let app = new Map<string, SnapshotCounts>();
  let baseline = new Map<string, SnapshotCounts>();
  // One untimed pass of each first: both then run on a warm cache, whichever is measured first.
  const appPass = () => computeIndicatorsForEstablishments(db, ids, at, (id, indicators) => app.set(id, snapshotCounts(indicators)));
  await appPass();
  await db.$queryRawUnsafe(sql, at);
  const candidate = await measure("app loader + rules", runs, async () => {
    app = new Map();
    await appPass();
  });
  const aggregate = await measure("SQL aggregate", runs, async () => {
    const rows = await db.$queryRawUnsafe<(SnapshotCounts & { id: string })[]>(sql, at);
    baseline = new Map(rows.map(({ id, ...counts }) => [id, counts]));
  });

  let mismatches = 0;
  for (const id of ids) {
    const mine = app.get(id);
    const theirs = baseline.get(id) ?? { active: 0, registered: 0, substantialId: 0, rieCompliant: 0, dmpReady: 0 };
    const differing = COUNTS.filter((key) => mine?.[key] !== theirs[key]);
    if (differing.length > 0 && mismatches++ < 5) {
      console.error(`ERROR: indicators differ for establishment ${id}: app ${JSON.stringify(mine)}, SQL ${JSON.stringify(theirs)}`);
    }
  }
  if (mismatches > 0) {
    console.error(`ERROR: the app and the SQL aggregate disagree on ${mismatches} of ${ids.length} establishments.`);
    process.exitCode = 1;
  } else {
    console.log(
      `indicators check: the app and the SQL aggregate agree on all ${ids.length.toLocaleString("en-US")} establishments at ${at}`,
    );
  }
  return {
    scenario: `indicators, ${professionals.toLocaleString("en-US")} professionals / ${ids.length.toLocaleString("en-US")} establishments`,
    candidate,
    baseline: aggregate,
    target: 2,
  };
}
