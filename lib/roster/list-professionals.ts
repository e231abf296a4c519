/**
 * The roster table's page: filtered, searched, sorted and paginated by the database (a roster may
 * hold 10,000+ professionals), each row with its verdict at today's date from the rules module.
 * Filtering on the verdict (« non conformes ») evaluates the whole roster once, in memory: the
 * rules live in one place, not in SQL.
 *
 * Public API: `ZRosterFilters`, `TRosterFilters`, `RosterTableRow`, `RosterPage`, `listProfessionals`,
 * `ROSTER_PAGE_SIZES`.
 */
import { cache } from "react";
import { z } from "zod";
import { SEARCH_TEXT_MAX_LENGTH } from "@/lib/http/list-filters";
import { authorizeEstablishment } from "@/lib/access/policy";
import type { Viewer } from "@/lib/access/viewer";
import { db } from "@/lib/db/client";
import { nameSearchWhere } from "@/lib/db/search-fold";
import { Population, type Prisma, RppsStatus } from "@/lib/db/generated/client";
import { readRpps } from "@/lib/identifiers/rpps";
import { AppError } from "@/lib/errors/app-error";
import { MIE_CATALOGUE } from "@/lib/mie/catalogue";
import { evaluateProfessional, prepareEstablishment } from "./compliance";
import { rosterVerdict, type RosterVerdict } from "./compliance-view";
import { dayToDate, dayToIsoDate, parisToday, toDay } from "./dates";
import { ESTABLISHMENT_CONTEXT_SELECT, toEstablishmentContext } from "./establishment-context";
import { loadEstablishmentRoster } from "./establishment-indicators";
import { POPULATION_LABELS, RPPS_STATUS_LABELS } from "./labels";
import { needsStrongAuthentication } from "./model";

export const ROSTER_PAGE_SIZES = [25, 50, 100] as const;

const SORTS = {
  name: (dir) => [{ lastName: dir }, { firstName: dir }, { id: dir }],
  profession: (dir) => [{ profession: { label: dir } }, { lastName: "asc" }, { id: "asc" }],
  population: (dir) => [{ population: dir }, { lastName: "asc" }, { id: "asc" }],
  rppsStatus: (dir) => [{ rppsStatus: dir }, { lastName: "asc" }, { id: "asc" }],
  activityStart: (dir) => [{ activityStart: dir }, { lastName: "asc" }, { id: "asc" }],
  updatedAt: (dir) => [{ updatedAt: dir }, { id: dir }],
} as const satisfies Record<string, (dir: "asc" | "desc") => Prisma.ProfessionalOrderByWithRelationInput[]>;

export type RosterSort = keyof typeof SORTS;

const blankToUndefined = (value: string | undefined) => value || undefined;

/** The table's state, from the query string: anything unexpected falls back to the default. */
export const ZRosterFilters = z.object({
  q: z.string().trim().max(SEARCH_TEXT_MAX_LENGTH).optional().transform(blankToUndefined).catch(undefined),
  population: z.enum(Population).optional().catch(undefined),
  profession: z.string().max(20).optional().transform(blankToUndefined).catch(undefined),
  rppsStatus: z.enum(RppsStatus).optional().catch(undefined),
  /** Active today (default), gone, or everyone. */
  activity: z.enum(["actifs", "partis", "tous"]).catch("actifs"),
  /** Verdict at today's date, for those it concerns. */
  compliance: z.enum(["", "non-conformes-rie", "sans-dmp", "identite-a-verifier"]).catch(""),
  sort: z.enum(Object.keys(SORTS) as [RosterSort]).catch("name"),
  dir: z.enum(["asc", "desc"]).catch("asc"),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
  size: z.coerce
    .number()
    .refine((size) => (ROSTER_PAGE_SIZES as readonly number[]).includes(size))
    .catch(25),
});
export type TRosterFilters = z.infer<typeof ZRosterFilters>;

/**
 * What a row of the table shows, nothing more: the rows are the client table's props, written into
 * the page twice (its flight payload, and that payload again inside the HTML).
 */
export type RosterTableRow = {
  id: string;
  lastName: string;
  firstName: string;
  profession: string;
  population: string;
  rpps: string | null;
  rppsStatus: string;
  activityStart: string;
  activityEnd: string | null;
  mie: string[];
  verdict: RosterVerdict;
};

/** What a row of the table shows, and what the rules read for its verdict: nothing more. */
const ROW_SELECT = {
  id: true,
  lastName: true,
  firstName: true,
  population: true,
  professionCode: true,
  rpps: true,
  rppsStatus: true,
  rppsCheckedAt: true,
  identityVerification: true,
  activityStart: true,
  activityEnd: true,
  needsDmp: true,
  needsDpi: true,
  needsPscServices: true,
  needsSecureMessaging: true,
  profession: { select: { label: true } },
  enrollments: { orderBy: { enrolledAt: "asc" }, select: { type: true, enrolledAt: true, expiresAt: true, revokedAt: true } },
} as const satisfies Prisma.ProfessionalSelect;

/**
 * What the page shows of the establishment, read with what the rules need of it in one query: its
 * name, and its homologations of local MIE with their references, in the order of their decisions.
 */
const ESTABLISHMENT_SELECT = {
  ...ESTABLISHMENT_CONTEXT_SELECT,
  name: true,
  homologations: { orderBy: { decidedAt: "asc" }, select: { type: true, decidedAt: true, reference: true } },
} as const satisfies Prisma.EstablishmentSelect;

/**
 * The establishment as the roster page shows it, read once per page render (React's `cache`): the
 * page's title and its rows share it; tests and scripts read it each time.
 */
const readRosterEstablishment = cache((establishmentId: string) =>
  db.establishment.findUnique({ where: { id: establishmentId }, select: ESTABLISHMENT_SELECT }),
);

/** The establishment whose roster a member or a programme manager reads. */
export async function getRosterEstablishment(viewer: Viewer, establishmentId: string) {
  authorizeEstablishment(viewer, establishmentId, "read");
  const establishment = await readRosterEstablishment(establishmentId);
  if (!establishment) throw new AppError("NOT_FOUND");
  return establishment;
}

export type RosterPage = {
  establishment: Prisma.EstablishmentGetPayload<{ select: { name: true; homologations: typeof ESTABLISHMENT_SELECT.homologations } }>;
  total: number;
  rosterSize: number;
  page: number;
  pageCount: number;
  rows: RosterTableRow[];
  today: string;
};

function whereOf(establishmentId: string, filters: TRosterFilters, today: Date): Prisma.ProfessionalWhereInput {
  const activity: Prisma.ProfessionalWhereInput =
    filters.activity === "actifs"
      ? { activityStart: { lte: today }, OR: [{ activityEnd: null }, { activityEnd: { gte: today } }] }
      : filters.activity === "partis"
        ? { activityEnd: { lt: today } }
        : {};
  const named = nameSearchWhere(filters.q);
  const rppsStart = readRpps(filters.q ?? "");
  return {
    establishmentId,
    ...activity,
    ...(filters.population ? { population: filters.population } : {}),
    ...(filters.profession ? { professionCode: filters.profession } : {}),
    ...(filters.rppsStatus ? { rppsStatus: filters.rppsStatus } : {}),
    ...(named.AND.length
      ? {
          AND: [
            {
              OR: [named, ...(rppsStart && /^\d+$/.test(rppsStart) ? [{ rpps: { startsWith: rppsStart } }] : [])],
            },
          ],
        }
      : {}),
  };
}

/** Who fails the chosen verdict today (among those it concerns). */
async function idsFailing(
  establishmentId: string,
  compliance: Exclude<TRosterFilters["compliance"], "">,
  today: string,
): Promise<string[]> {
  const roster = await loadEstablishmentRoster(db, establishmentId);
  if (!roster) return [];
  const prepared = prepareEstablishment(roster.establishment);
  return roster.professionals
    .filter((professional) => {
      const verdict = evaluateProfessional(professional, prepared, today);
      if (!verdict.active) return false;
      if (compliance === "non-conformes-rie") return needsStrongAuthentication(professional) && !verdict.rieCompliant;
      if (compliance === "sans-dmp") return professional.needsDmp && !verdict.dmpReady;
      return !verdict.identitySubstantial;
    })
    .map((professional) => professional.id);
}

export async function listProfessionals(viewer: Viewer, establishmentId: string, filters: TRosterFilters): Promise<RosterPage> {
  authorizeEstablishment(viewer, establishmentId, "read");
  const today = parisToday();
  const todayDate = dayToDate(toDay(today));
  const where = whereOf(establishmentId, filters, todayDate);
  const orderBy = SORTS[filters.sort](filters.dir);
  const rowsOfPage = (page: number) =>
    db.professional.findMany({ where, orderBy, skip: (page - 1) * filters.size, take: filters.size, select: ROW_SELECT });
  // Independent reads go together (one round trip's wait instead of four); the requested page is
  // read at once, and again only when it lies past the last one.
  const [establishment, rosterSize, filteredCount, requestedRows] = await Promise.all([
    readRosterEstablishment(establishmentId),
    db.professional.count({ where: { establishmentId } }),
    filters.compliance ? null : db.professional.count({ where }),
    filters.compliance ? null : rowsOfPage(filters.page),
  ]);
  if (!establishment) throw new AppError("NOT_FOUND");

  let total: number;
  let page: number;
  let professionals: Array<Prisma.ProfessionalGetPayload<{ select: typeof ROW_SELECT }>>;
  if (filters.compliance) {
    // The verdict is not a column: the filtered ids come in SQL order, the verdict keeps some,
    // and only the page's rows are loaded (an `IN` of thousands of ids would exceed PostgreSQL's
    // bind-parameter limit on a large roster).
    const failing = new Set(await idsFailing(establishmentId, filters.compliance, today));
    const ordered = await db.professional.findMany({ where, orderBy, select: { id: true } });
    const kept = ordered.filter((row) => failing.has(row.id)).map((row) => row.id);
    total = kept.length;
    page = Math.min(filters.page, Math.max(1, Math.ceil(total / filters.size)));
    const pageIds = kept.slice((page - 1) * filters.size, page * filters.size);
    const loaded = new Map(
      (await db.professional.findMany({ where: { id: { in: pageIds } }, select: ROW_SELECT })).map((row) => [row.id, row]),
    );
    professionals = pageIds.map((id) => loaded.get(id)!);
  } else {
    total = filteredCount!;
    page = Math.min(filters.page, Math.max(1, Math.ceil(total / filters.size)));
    professionals = page === filters.page ? requestedRows! : await rowsOfPage(page);
  }
  const pageCount = Math.max(1, Math.ceil(total / filters.size));

  const prepared = prepareEstablishment(toEstablishmentContext(establishment));
  const iso = (date: Date | null) => (date === null ? null : dayToIsoDate(toDay(date)));
  const rows = professionals.map((professional): RosterTableRow => {
    return {
      id: professional.id,
      lastName: professional.lastName,
      firstName: professional.firstName,
      profession: professional.profession.label,
      population: POPULATION_LABELS[professional.population],
      rpps: professional.rpps,
      rppsStatus: RPPS_STATUS_LABELS[professional.rppsStatus],
      activityStart: iso(professional.activityStart)!,
      activityEnd: iso(professional.activityEnd),
      mie: professional.enrollments.map((enrollment) => MIE_CATALOGUE[enrollment.type].shortLabel),
      verdict: rosterVerdict(professional, evaluateProfessional(professional, prepared, today)),
    };
  });
  return {
    establishment: { name: establishment.name, homologations: establishment.homologations },
    total,
    rosterSize,
    page,
    pageCount,
    rows,
    today,
  };
}
