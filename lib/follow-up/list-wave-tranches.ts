import { z } from "zod";
import { requirePermission } from "@/lib/access/policy";
import type { Viewer } from "@/lib/access/viewer";
import { calendarDateFromUtc } from "@/lib/applications/calendar-date";
import { dossierReference } from "@/lib/applications/dossier-reference";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { AppError } from "@/lib/errors/app-error";
import { regionName } from "@/lib/establishments/territories";
import { trancheTotals } from "./tranche-totals";

export const TRANCHE_PAGE_SIZE = 50;

/** The query string of the wave's payments page; anything unexpected falls back to the default. */
export const ZTrancheFilters = z.object({
  status: z.enum(["", "PLANNED", "DUE", "ORDERED", "PAID", "CANCELLED"]).catch(""),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
});
export type TTrancheFilters = z.infer<typeof ZTrancheFilters>;

const ROW = {
  id: true,
  kind: true,
  amountCents: true,
  status: true,
  dueAt: true,
  orderedOn: true,
  paidOn: true,
  paymentReference: true,
  application: {
    select: {
      id: true,
      number: true,
      establishment: { select: { name: true, finessEt: true, finessEj: true, siret: true, regionCode: true } },
    },
  },
} satisfies Prisma.TrancheSelect;

/** By state in the order of their life (planned, due, ordered, paid), then by establishment. */
const ORDER: Prisma.TrancheOrderByWithRelationInput[] = [
  { status: "asc" },
  { application: { establishment: { name: "asc" } } },
  { kind: "asc" },
];

/** The rows of the wave's tranches matching `where`, in the page's order, days as `YYYY-MM-DD`. */
export async function findWaveTranches(waveId: string, where: Prisma.TrancheWhereInput, page?: { skip: number; take: number }) {
  const rows = await db.tranche.findMany({ where: { ...where, application: { waveId } }, orderBy: ORDER, select: ROW, ...page });
  return rows.map(({ application, ...tranche }) => ({
    ...tranche,
    orderedOn: tranche.orderedOn && calendarDateFromUtc(tranche.orderedOn),
    paidOn: tranche.paidOn && calendarDateFromUtc(tranche.paidOn),
    applicationId: application.id,
    reference: dossierReference(application.number),
    establishment: { ...application.establishment, region: regionName(application.establishment.regionCode) },
  }));
}

/**
 * The payments page of a wave, for programme managers: its tranches filtered by state and
 * paginated, with the wave's totals by state.
 */
export async function listWaveTranches(viewer: Viewer, waveId: string, filters: TTrancheFilters) {
  requirePermission(viewer, "payment:record");
  const wave = await db.wave.findUnique({ where: { id: waveId }, select: { id: true, title: true, fundingEnvelopeCents: true } });
  if (!wave) throw new AppError("NOT_FOUND");
  const where: Prisma.TrancheWhereInput = filters.status ? { status: filters.status } : {};
  const [matching, totals] = await Promise.all([
    db.tranche.count({ where: { ...where, application: { waveId } } }),
    trancheTotals(db, waveId),
  ]);
  const pageCount = Math.max(1, Math.ceil(matching / TRANCHE_PAGE_SIZE));
  const page = Math.min(filters.page, pageCount);
  const rows = await findWaveTranches(waveId, where, { skip: (page - 1) * TRANCHE_PAGE_SIZE, take: TRANCHE_PAGE_SIZE });
  return { wave, totals, matching, page, pageCount, rows };
}

export type WaveTranches = Awaited<ReturnType<typeof listWaveTranches>>;
export type WaveTrancheRow = WaveTranches["rows"][number];
