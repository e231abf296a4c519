import { calendarDateToUtc } from "@/lib/applications/calendar-date";
import type { Db } from "@/lib/db/client";
import { createTranches, grantsWithoutTranches } from "@/lib/follow-up/create-tranches";
import { parisToday } from "@/lib/time/paris";
import type { DemoProgramme } from "./programme";

const DAY_MS = 86_400_000;
/** The Paris day `days` after `instant`, never after today: a payment is not recorded in the future. */
const dayAfter = (instant: Date, days: number, now: Date) => {
  const day = parisToday(new Date(instant.getTime() + days * DAY_MS));
  return calendarDateToUtc(day < parisToday(now) ? day : parisToday(now));
};

/**
 * Payments and milestones in the demo (ADR 0021): each wave pays half of its grants in advance
 * (programme.ts, as the released decisions' conditions and letters say), so every grant released
 * earlier has its tranches. Of the
 * selected dossiers, the first has its advance paid and its first milestone done, the second its
 * advance ordered, the others their advance due; every balance waits for validation, and the
 * milestones whose day has passed are late.
 */
export async function seedPayments(db: Db, programme: DemoProgramme, managerId: string, now: Date): Promise<void> {
  for (const { waveId } of Object.values(programme)) {
    const { advanceSharePercent } = await db.wave.findUniqueOrThrow({ where: { id: waveId }, select: { advanceSharePercent: true } });
    await createTranches(db, await grantsWithoutTranches(db, waveId), advanceSharePercent);
  }
  const advances = await db.tranche.findMany({
    where: { kind: "ADVANCE" },
    orderBy: { application: { createdAt: "asc" } },
    select: { id: true, dueAt: true, applicationId: true, application: { select: { establishmentId: true } } },
  });
  const [paid, ordered] = advances;
  if (paid?.dueAt) {
    await db.tranche.update({
      where: { id: paid.id },
      data: {
        status: "PAID",
        orderedOn: dayAfter(paid.dueAt, 10, now),
        orderedById: managerId,
        paidOn: dayAfter(paid.dueAt, 24, now),
        paymentReference: "MDT-2026-000417",
        paidById: managerId,
      },
    });
    const director = await db.membership.findFirst({
      where: { establishmentId: paid.application.establishmentId, role: "DIRECTOR" },
      select: { userId: true },
    });
    const first = await db.milestone.findFirst({
      where: { applicationId: paid.applicationId },
      orderBy: { position: "asc" },
      select: { id: true, dueDate: true },
    });
    if (first && first.dueDate < now) {
      await db.milestone.update({
        where: { id: first.id },
        data: { doneOn: dayAfter(first.dueDate, 6, now), doneById: director?.userId ?? null, doneRecordedAt: now },
      });
    }
  }
  if (ordered?.dueAt) {
    await db.tranche.update({
      where: { id: ordered.id },
      data: { status: "ORDERED", orderedOn: dayAfter(ordered.dueAt, 15, now), orderedById: managerId },
    });
  }
}
