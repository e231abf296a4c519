import { isRowId } from "@/lib/db/row-id";
import { dossierNumberSearched, dossierReference } from "@/lib/applications/dossier-reference";
import { z } from "zod";
import { requirePermission } from "@/lib/access/policy";
import type { Viewer } from "@/lib/access/viewer";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { endOfParisDayExclusive, parisDateTime } from "@/lib/time/paris";

export const AUDIT_PAGE_SIZE = 50;

/** An author's address or a target's identifier: the filter reads no more and its field takes no more. */
export const AUDIT_FILTER_MAX_LENGTH = 200;

const optionalText = z
  .string()
  .trim()
  .max(AUDIT_FILTER_MAX_LENGTH)
  .optional()
  .transform((value) => value || undefined);
const optionalDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .optional()
  .or(z.literal("").transform(() => undefined));

/** The audit log's filters, as they come from the page's query string. */
export const ZAuditFilters = z.object({
  action: optionalText,
  actor: optionalText,
  target: optionalText,
  from: optionalDate,
  to: optionalDate,
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});
export type TAuditFilters = z.infer<typeof ZAuditFilters>;

export function auditWhere(filters: TAuditFilters): Prisma.AuditEventWhereInput {
  return {
    ...(filters.action ? { action: filters.action } : {}),
    ...(filters.actor ? { actorLabel: { contains: filters.actor, mode: "insensitive" } } : {}),
    ...(filters.target ? { OR: [{ targetId: filters.target }, { targetType: filters.target }] } : {}),
    ...(filters.from || filters.to
      ? {
          at: {
            ...(filters.from ? { gte: parisDateTime(`${filters.from}T00:00`) } : {}),
            ...(filters.to ? { lt: endOfParisDayExclusive(filters.to) } : {}),
          },
        }
      : {}),
  };
}

/**
 * One page of the audit log, newest first, for programme managers. A dossier is found by its
 * reference (« HC-00042 ») as by its id, and named by it.
 */
export async function searchAuditLog(viewer: Viewer, filters: TAuditFilters) {
  requirePermission(viewer, "audit:read");
  const where = auditWhere({ ...filters, target: await targetIdOf(filters.target) });
  const [total, events, actions] = await Promise.all([
    db.auditEvent.count({ where }),
    db.auditEvent.findMany({
      where,
      orderBy: { id: "desc" },
      skip: (filters.page - 1) * AUDIT_PAGE_SIZE,
      take: AUDIT_PAGE_SIZE,
      select: { id: true, at: true, actorLabel: true, action: true, targetType: true, targetId: true, ip: true, details: true },
    }),
    db.auditEvent.findMany({ distinct: ["action"], select: { action: true }, orderBy: { action: "asc" } }),
  ]);
  const dossiers = await db.application.findMany({
    where: {
      id: {
        in: events
          .filter((event) => event.targetType === "Application" && event.targetId !== null && isRowId(event.targetId))
          .map((event) => event.targetId!),
      },
    },
    select: { id: true, number: true },
  });
  const references = new Map(dossiers.map((dossier) => [dossier.id, dossierReference(dossier.number)]));
  return {
    total,
    events: events.map((event) => ({ ...event, targetReference: (event.targetId && references.get(event.targetId)) ?? null })),
    actions: actions.map((row) => row.action),
    pageCount: Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE)),
  };
}

/** The id a target filter means: a dossier's reference is its dossier's id (none: nothing matches). */
async function targetIdOf(target: string | undefined): Promise<string | undefined> {
  const number = target ? dossierNumberSearched(target) : null;
  if (number === null) return target;
  const dossier = await db.application.findUnique({ where: { number }, select: { id: true } });
  return dossier?.id ?? target;
}
