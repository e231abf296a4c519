import { requirePermission } from "@/lib/access/policy";
import type { Viewer } from "@/lib/access/viewer";
import { isDemoMode } from "@/lib/config/env";
import { db } from "@/lib/db/client";
import type { EmailStatus } from "@/lib/db/generated/enums";
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

/** The outbox, newest first, for programme managers (on the embedded default it is where e-mails are read). */
export async function listOutbox(viewer: Viewer, filters: { status?: EmailStatus } = {}) {
  requirePermission(viewer, "outbox:read");
  const where = filters.status ? { status: filters.status } : {};
  const [emails, counts] = await Promise.all([
    db.outboxEmail.findMany({ where, orderBy: { createdAt: "desc" }, take: OUTBOX_PAGE_SIZE, select: EMAIL_FIELDS }),
    db.outboxEmail.groupBy({ by: ["status"], _count: { _all: true } }),
  ]);
  return { emails, counts: Object.fromEntries(counts.map((row) => [row.status, row._count._all])) as Partial<Record<EmailStatus, number>> };
}

/**
 * In demo mode only, a signed-in person reads the e-mails addressed to them (no mailbox exists
 * behind the demo's addresses). Scoped in the query: their own address, nothing else.
 */
export async function listOwnEmails(viewer: Viewer) {
  if (!isDemoMode()) throw new AppError("NOT_FOUND");
  return db.outboxEmail.findMany({
    where: { to: viewer.email },
    orderBy: { createdAt: "desc" },
    take: OUTBOX_PAGE_SIZE,
    select: EMAIL_FIELDS,
  });
}
