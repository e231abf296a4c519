import { calendarDateFromUtc } from "@/lib/applications/calendar-date";
import type { Db } from "@/lib/db/client";

/** The stored tranches of a dossier, advance first, with their payment days (`YYYY-MM-DD`). */
export async function loadTranches(client: Pick<Db, "tranche">, applicationId: string) {
  const tranches = await client.tranche.findMany({
    where: { applicationId },
    orderBy: { kind: "asc" },
    select: { id: true, kind: true, amountCents: true, status: true, dueAt: true, orderedOn: true, paidOn: true, paymentReference: true },
  });
  return tranches.map((tranche) => ({
    ...tranche,
    orderedOn: tranche.orderedOn && calendarDateFromUtc(tranche.orderedOn),
    paidOn: tranche.paidOn && calendarDateFromUtc(tranche.paidOn),
  }));
}

export type StoredTranche = Awaited<ReturnType<typeof loadTranches>>[number];
