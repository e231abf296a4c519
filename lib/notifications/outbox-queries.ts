import { requirePermission } from "@/lib/access/policy";
import type { Viewer } from "@/lib/access/viewer";
import { isDemoMode } from "@/lib/config/env";
import { db } from "@/lib/db/client";
import type { EmailStatus } from "@/lib/db/generated/enums";
import type { Prisma } from "@/lib/db/generated/client";
import { AppError } from "@/lib/errors/app-error";

const EMAIL_FIELDS = {
  id: true,
  to: true,
  subject: true,
  text: true,
  status: true,
  attempts: true,
  lastError: true,
  createdAt: true,
  sentAt: true,
  nextAttemptAt: true,
} as const;

export const OUTBOX_PAGE_SIZE = 100;

/** One page of the e-mails `where` selects, newest first; the id orders those written in the same instant, so that no e-mail shows on two pages. */
function outboxPage(where: Prisma.OutboxEmailWhereInput, page: number) {
  return db.outboxEmail.findMany({
    where,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    skip: (page - 1) * OUTBOX_PAGE_SIZE,
    take: OUTBOX_PAGE_SIZE,
    select: EMAIL_FIELDS,
  });
}

const pageCountOf = (total: number) => Math.max(1, Math.ceil(total / OUTBOX_PAGE_SIZE));

/** One page of the outbox, newest first, for programme managers (on the embedded default it is where e-mails are read). */
export async function listOutbox(viewer: Viewer, filters: { status?: EmailStatus; page: number }) {
  requirePermission(viewer, "outbox:read");
  const [emails, rows] = await Promise.all([
    outboxPage(filters.status ? { status: filters.status } : {}, filters.page),
    db.outboxEmail.groupBy({ by: ["status"], _count: { _all: true } }),
  ]);
  const counts = Object.fromEntries(rows.map((row) => [row.status, row._count._all])) as Partial<Record<EmailStatus, number>>;
  const total = filters.status ? (counts[filters.status] ?? 0) : rows.reduce((sum, row) => sum + row._count._all, 0);
  return { emails, counts, total, pageCount: pageCountOf(total) };
}

/**
 * In demo mode only, a signed-in person reads, a page at a time, the e-mails addressed to them (no
 * mailbox exists behind the demo's addresses). Scoped in the query: their own address, nothing else.
 */
export async function listOwnEmails(viewer: Viewer, filters: { page: number }) {
  if (!isDemoMode()) throw new AppError("NOT_FOUND");
  const where = { to: viewer.email };
  const [emails, total] = await Promise.all([outboxPage(where, filters.page), db.outboxEmail.count({ where })]);
  return { emails, total, pageCount: pageCountOf(total) };
}
