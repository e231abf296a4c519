import { dossierReference } from "@/lib/applications/dossier-reference";
import { ZRegionFilter, ZPageFilter } from "@/lib/http/list-filters";
import { z } from "zod";
import { requirePermission } from "@/lib/access/policy";
import type { Viewer } from "@/lib/access/viewer";
import { db } from "@/lib/db/client";
import { Prisma, ReviewTier } from "@/lib/db/generated/client";
import { compareRegionNames, regionName } from "@/lib/establishments/territories";
import { inIdOrder } from "@/lib/export/id-pages";
import { countFollowUpStages } from "./count-follow-up-stages";
import {
  allTranchesPaid,
  FOLLOW_UP_STAGES,
  type FollowUpStage,
  followUpStage,
  isFollowUpOverdue,
  OPEN_VERIFICATION_STATES,
} from "./follow-up-stage";

export const FOLLOW_UPS_PAGE_SIZE = 25;

/**
 * The orders of the board the database gives, besides the default one (overdue checks first, the
 * most overdue leading) and the region's (by name, which the database does not know: `rowsByRegionName`).
 */
export const FOLLOW_UP_SORTS = {
  establishment: (dir) => ({ establishment: { name: dir } }),
  wave: (dir) => ({ wave: { title: dir } }),
} as const satisfies Record<string, (dir: Prisma.SortOrder) => Prisma.ApplicationOrderByWithRelationInput>;
export type FollowUpSort = keyof typeof FOLLOW_UP_SORTS | "region" | "overdue";

/** The board's filters, from the query string: anything malformed falls back to no filter. */
export const ZFollowUpFilters = z.object({
  wave: z.uuid().optional().catch(undefined),
  region: ZRegionFilter,
  stage: z.enum(FOLLOW_UP_STAGES).optional().catch(undefined),
  tier: z.enum(ReviewTier).optional().catch(undefined),
  overdue: z
    .literal("1")
    .optional()
    .catch(undefined)
    .transform((value) => value === "1"),
  sort: z
    .enum(["overdue", "region", ...(Object.keys(FOLLOW_UP_SORTS) as [keyof typeof FOLLOW_UP_SORTS])])
    .catch("overdue")
    .default("overdue"),
  dir: z.enum(["asc", "desc"]).catch("asc").default("asc"),
  page: ZPageFilter.default(1),
});
export type TFollowUpFilters = z.output<typeof ZFollowUpFilters>;

const declared = (verification: Prisma.ResultVerificationWhereInput): Prisma.ApplicationWhereInput => ({
  resultDeclarations: { some: { verification } },
});
/** `allTranchesPaid` as a condition: at least one tranche, none unpaid. */
const paidInFull: Prisma.ApplicationWhereInput = { tranches: { some: {}, none: { status: { not: "PAID" } } } };

const STAGE_WHERE: Readonly<Record<FollowUpStage, Prisma.ApplicationWhereInput>> = {
  DECLARATION_PENDING: { resultDeclarations: { none: {} } },
  WITH_ARS: declared({ state: "WITH_ARS" }),
  WITH_ANS: declared({ state: "WITH_ANS" }),
  INFORMATION_REQUESTED: declared({ state: "INFORMATION_REQUESTED" }),
  VALIDATED: { AND: [declared({ state: "VALIDATED" }), { NOT: paidInFull }] },
  SETTLED: { AND: [declared({ state: "VALIDATED" }), paidInFull] },
  REFUSED: declared({ state: "REFUSED" }),
};

/** An open verification step past its due date (the same rule as `isFollowUpOverdue`). */
const overdueVerification = (now: Date): Prisma.ResultVerificationWhereInput => ({
  state: { in: [...OPEN_VERIFICATION_STATES] },
  dueAt: { lte: now },
});

/** The selected dossiers matching the filters but the stage and the region (the summaries count those, with `scopeSql`). */
function scopeWhere(filters: TFollowUpFilters, now: Date): Prisma.ApplicationWhereInput {
  return {
    state: "SELECTED",
    ...(filters.wave ? { waveId: filters.wave } : {}),
    AND: [
      filters.tier ? declared({ state: { in: [...OPEN_VERIFICATION_STATES] }, tier: filters.tier }) : {},
      filters.overdue ? declared(overdueVerification(now)) : {},
    ],
  };
}

export function followUpWhere(filters: TFollowUpFilters, now: Date): Prisma.ApplicationWhereInput {
  return {
    AND: [
      scopeWhere(filters, now),
      filters.region ? { establishment: { regionCode: filters.region } } : {},
      filters.stage ? STAGE_WHERE[filters.stage] : {},
    ],
  };
}

const VERIFICATION_SELECT = {
  orderBy: { declaredAt: "desc" },
  take: 1,
  select: { declaredAt: true, verification: { select: { state: true, tier: true, dueAt: true } } },
} as const satisfies Prisma.Application$resultDeclarationsArgs;
const TRANCHES_SELECT = { select: { status: true } } as const satisfies Prisma.Application$tranchesArgs;

const FOLLOW_UP_ROW_SELECT = {
  id: true,
  number: true,
  projectTitle: true,
  establishment: { select: { name: true, finessEt: true, regionCode: true } },
  wave: { select: { title: true } },
  resultDeclarations: VERIFICATION_SELECT,
  tranches: TRANCHES_SELECT,
} as const satisfies Prisma.ApplicationSelect;

type RowRecord = Prisma.ApplicationGetPayload<{ select: typeof FOLLOW_UP_ROW_SELECT }>;

function toRow(record: RowRecord, now: Date) {
  const declaration = record.resultDeclarations[0] ?? null;
  const verification = declaration?.verification ?? null;
  const overdue = isFollowUpOverdue(verification, now);
  const open = verification !== null && (OPEN_VERIFICATION_STATES as readonly string[]).includes(verification.state);
  return {
    id: record.id,
    reference: dossierReference(record.number),
    establishment: record.establishment.name,
    finess: record.establishment.finessEt,
    regionCode: record.establishment.regionCode,
    wave: record.wave.title,
    projectTitle: record.projectTitle,
    stage: followUpStage({ verification, paidInFull: allTranchesPaid(record.tranches.map((tranche) => tranche.status)) }),
    declaredAt: declaration?.declaredAt ?? null,
    /** Who holds the open step, and until when. */
    heldBy: open ? verification.tier : null,
    dueAt: open ? verification.dueAt : null,
    overdue,
  };
}
export type FollowUpRow = ReturnType<typeof toRow>;

/**
 * By region in the French order of their names, as the decisions board sorts them, then by
 * establishment. The database knows only the regions' codes (by which Normandie comes before
 * Auvergne-Rhône-Alpes), so the keys of the matching dossiers are sorted here.
 */
async function idsByRegionName(where: Prisma.ApplicationWhereInput, dir: Prisma.SortOrder): Promise<string[]> {
  const keys = await db.application.findMany({ where, select: { id: true, establishment: { select: { name: true, regionCode: true } } } });
  const direction = dir === "asc" ? 1 : -1;
  return keys
    .map(({ id, establishment }) => ({ id, establishment: establishment.name, region: regionName(establishment.regionCode) }))
    .sort(
      (a, b) =>
        direction * a.region.localeCompare(b.region, "fr") ||
        a.establishment.localeCompare(b.establishment, "fr") ||
        (a.id < b.id ? -1 : 1),
    )
    .map((key) => key.id);
}

/**
 * The ids of the board's dossiers in its order, a few thousand at most. By default the overdue
 * checks come first, the most overdue leading (read from the verifications, the only side that
 * knows the due dates), then the others by establishment.
 */
export async function followUpOrder(filters: TFollowUpFilters, now: Date): Promise<string[]> {
  const where = followUpWhere(filters, now);
  if (filters.sort === "region") return idsByRegionName(where, filters.dir);
  if (filters.sort !== "overdue") {
    const records = await db.application.findMany({
      where,
      orderBy: [FOLLOW_UP_SORTS[filters.sort](filters.dir), { id: "asc" }],
      select: { id: true },
    });
    return records.map((record) => record.id);
  }
  const [overdue, rest] = await Promise.all([
    db.resultVerification.findMany({
      where: { ...overdueVerification(now), declaration: { application: where } },
      orderBy: [{ dueAt: "asc" }, { id: "asc" }],
      select: { declaration: { select: { applicationId: true } } },
    }),
    db.application.findMany({
      where: { AND: [where, { NOT: declared(overdueVerification(now)) }] },
      orderBy: [{ establishment: { name: "asc" } }, { id: "asc" }],
      select: { id: true },
    }),
  ]);
  return [...overdue.map((row) => row.declaration.applicationId), ...rest.map((record) => record.id)];
}

/** The board's rows of these dossiers, in their order; one no longer on the board (under its filters) is left out. */
export async function followUpRowsOf(filters: TFollowUpFilters, now: Date, ids: readonly string[]): Promise<FollowUpRow[]> {
  const records = await db.application.findMany({
    where: { AND: [{ id: { in: [...ids] } }, followUpWhere(filters, now)] },
    select: FOLLOW_UP_ROW_SELECT,
  });
  return inIdOrder(ids, records).map((record) => toRow(record, now));
}

/** `take` rows from `skip` in the board's order. */
export async function followUpRows(filters: TFollowUpFilters, now: Date, skip: number, take: number): Promise<FollowUpRow[]> {
  return followUpRowsOf(filters, now, (await followUpOrder(filters, now)).slice(skip, skip + take));
}

/** `scopeWhere` in SQL, on the dossier `a`, for the grouped counts (the integration test holds the two together). */
function scopeSql(filters: TFollowUpFilters, now: Date): Prisma.Sql {
  const open = Prisma.join(OPEN_VERIFICATION_STATES.map((state) => Prisma.sql`${state}::"VerificationState"`));
  const declaredSql = (verification: Prisma.Sql) => Prisma.sql`EXISTS (
    SELECT 1 FROM "ResultDeclaration" rd JOIN "ResultVerification" rv ON rv."declarationId" = rd.id
    WHERE rd."applicationId" = a.id AND ${verification})`;
  const conditions = [Prisma.sql`TRUE`];
  if (filters.wave) conditions.push(Prisma.sql`a."waveId" = ${filters.wave}::uuid`);
  if (filters.tier) conditions.push(declaredSql(Prisma.sql`rv.state IN (${open}) AND rv.tier = ${filters.tier}::"ReviewTier"`));
  if (filters.overdue) conditions.push(declaredSql(Prisma.sql`rv.state IN (${open}) AND rv."dueAt" <= ${now}`));
  return Prisma.join(conditions, " AND ");
}

/**
 * How many dossiers stand at each stage (within the region filtered) and in each region (within
 * the stage filtered), under the other filters: one grouped query, whatever the number of dossiers.
 */
async function followUpSummary(filters: TFollowUpFilters, now: Date) {
  const groups = await countFollowUpStages(db, scopeSql(filters, now));
  const byStage = new Map<FollowUpStage, number>(FOLLOW_UP_STAGES.map((stage) => [stage, 0]));
  const byRegion = new Map<string, number>();
  for (const { stage, regionCode, count } of groups) {
    if (!filters.region || regionCode === filters.region) byStage.set(stage, byStage.get(stage)! + count);
    if (!filters.stage || stage === filters.stage) byRegion.set(regionCode, (byRegion.get(regionCode) ?? 0) + count);
  }
  return {
    byStage: [...byStage].map(([stage, count]) => ({ stage, count })),
    byRegion: [...byRegion]
      .map(([regionCode, count]) => ({ regionCode, count }))
      .sort((a, b) => compareRegionNames(a.regionCode, b.regionCode)),
  };
}

export function countFollowUps(filters: TFollowUpFilters, now: Date): Promise<number> {
  return db.application.count({ where: followUpWhere(filters, now) });
}

/** One page of the follow-up board: every selected dossier where its follow-up stands, for programme managers. */
export async function listFollowUps(viewer: Viewer, filters: TFollowUpFilters, now = new Date()) {
  requirePermission(viewer, "establishment:read-any");
  const [total, rows, summary, waves] = await Promise.all([
    countFollowUps(filters, now),
    followUpRows(filters, now, (filters.page - 1) * FOLLOW_UPS_PAGE_SIZE, FOLLOW_UPS_PAGE_SIZE),
    followUpSummary(filters, now),
    db.wave.findMany({ orderBy: { opensAt: "desc" }, select: { id: true, title: true } }),
  ]);
  return { total, rows, summary, waves, pageCount: Math.max(1, Math.ceil(total / FOLLOW_UPS_PAGE_SIZE)) };
}
