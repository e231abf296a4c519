import { isRowId } from "@/lib/db/row-id";
import { dossierNumberSearched, dossierReference } from "@/lib/applications/dossier-reference";
import { z } from "zod";
import { requirePermission } from "@/lib/access/policy";
import type { Viewer } from "@/lib/access/viewer";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { type AuditNames, CATEGORY_CODE_KEYS, categoryNameKey } from "./details";
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
    // A dossier's entries are those it is the target of, and those that name it in their details
    // (an assignment's, a review's): `applicationId`, a column the database generates from them.
    ...(filters.target ? { OR: [{ targetId: filters.target }, { targetType: filters.target }, { applicationId: filters.target }] } : {}),
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
 * reference (« HC-00042 ») as by its id; the ids of the page come with their names (`names`).
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
      select: {
        id: true,
        at: true,
        actorId: true,
        actorLabel: true,
        action: true,
        targetType: true,
        targetId: true,
        ip: true,
        details: true,
      },
    }),
    db.auditEvent.findMany({ distinct: ["action"], select: { action: true }, orderBy: { action: "asc" } }),
  ]);
  const names = await auditNames(events);
  return {
    total,
    events: events.map(({ actorId, ...event }) => ({
      ...event,
      actorLabel: authorLabel(actorId, event.actorLabel, names),
      targetReference: (event.targetId && names.get(event.targetId)) ?? null,
    })),
    names,
    actions: actions.map((row) => row.action),
    pageCount: Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE)),
  };
}

/**
 * An entry's author as stored, their address; but refused sign-ins and sign-outs written before
 * 2026-12-07 hold only the account's id (« utilisateur <id> »): those read as its address.
 */
function authorLabel(actorId: string | null, label: string, names: AuditNames): string {
  return (actorId && label.includes(actorId) && names.get(actorId)) || label;
}

/** Every row id a value holds, however deep (a list of decisions, an export's filters). */
function rowIdsIn(value: unknown, into: Set<string>): Set<string> {
  if (typeof value === "string" && isRowId(value)) into.add(value);
  else if (Array.isArray(value)) for (const item of value) rowIdsIn(item, into);
  else if (value !== null && typeof value === "object") for (const item of Object.values(value)) rowIdsIn(item, into);
  return into;
}

/**
 * The names of the ids a page of the log shows, in its targets and details, as the programme's
 * pages say them: a dossier by its reference (« HC-00042 »), and so a decision, an assignment, a
 * review and a tranche by their dossier's; a wave and a campaign by their title; an establishment
 * by its name; a person, and an invitation, by the address, as the log's authors are; a FINESS
 * category by its label (under `categoryNameKey`, its code being no row id). Reads by
 * primary key, as many whatever the page holds; an id of anything else (a session, a message, an
 * attachment, whose file name the log never shows) stays as is.
 */
async function auditNames(
  events: ReadonlyArray<{ actorId: string | null; targetId: string | null; details: unknown }>,
): Promise<AuditNames> {
  const ids = new Set<string>();
  for (const event of events) rowIdsIn([event.actorId, event.targetId, event.details], ids);
  const categoryCodes = new Set<string>();
  for (const event of events) categoryCodesIn(event.details, categoryCodes);
  if (ids.size === 0 && categoryCodes.size === 0) return new Map();
  const where = { id: { in: [...ids] } };
  const dossier = { select: { number: true } };
  const ofDossier = (rows: Array<{ id: string; application: { number: number } }>) =>
    rows.map((row) => [row.id, dossierReference(row.application.number)] as const);
  const [dossiers, decisions, assignments, reviews, tranches, waves, campaigns, establishments, people, invitations, categories] =
    await Promise.all([
      db.application.findMany({ where, select: { id: true, number: true } }),
      db.decision.findMany({ where, select: { id: true, application: dossier } }),
      db.reviewerAssignment.findMany({ where, select: { id: true, application: dossier } }),
      db.review.findMany({ where, select: { id: true, assignment: { select: { application: dossier } } } }),
      db.tranche.findMany({ where, select: { id: true, application: dossier } }),
      db.wave.findMany({ where, select: { id: true, title: true } }),
      db.campaign.findMany({ where, select: { id: true, title: true } }),
      db.establishment.findMany({ where, select: { id: true, name: true } }),
      db.user.findMany({ where, select: { id: true, email: true } }),
      db.invitation.findMany({ where, select: { id: true, email: true } }),
      // Only the pages that name categories (a wave's creation or change) read them.
      categoryCodes.size > 0
        ? db.establishmentCategory.findMany({ where: { code: { in: [...categoryCodes] } }, select: { code: true, label: true } })
        : [],
    ]);
  return new Map([
    ...dossiers.map((row) => [row.id, dossierReference(row.number)] as const),
    ...ofDossier(decisions),
    ...ofDossier(assignments),
    ...ofDossier(reviews.map((review) => ({ id: review.id, application: review.assignment.application }))),
    ...ofDossier(tranches),
    ...[...waves, ...campaigns].map((row) => [row.id, `« ${row.title} »`] as const),
    ...establishments.map((row) => [row.id, row.name] as const),
    ...[...people, ...invitations].map((row) => [row.id, row.email] as const),
    ...categories.map((row) => [categoryNameKey(row.code), row.label] as const),
  ]);
}

/** The FINESS category codes in an entry's details, under the keys that hold them, before and after a change too. */
function categoryCodesIn(details: unknown, into: Set<string>, under?: string): void {
  if (typeof details === "string" && under && CATEGORY_CODE_KEYS.has(under)) into.add(details);
  else if (Array.isArray(details)) for (const item of details) categoryCodesIn(item, into, under);
  else if (details !== null && typeof details === "object") {
    for (const [key, value] of Object.entries(details)) categoryCodesIn(value, into, key === "from" || key === "to" ? under : key);
  }
}

/** The id a target filter means: a dossier's reference is its dossier's id (none: nothing matches). */
async function targetIdOf(target: string | undefined): Promise<string | undefined> {
  const number = target ? dossierNumberSearched(target) : null;
  if (number === null) return target;
  const dossier = await db.application.findUnique({ where: { number }, select: { id: true } });
  return dossier?.id ?? target;
}
