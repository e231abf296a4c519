import { requirePermission } from "@/lib/access/policy";
import type { Viewer } from "@/lib/access/viewer";
import { calendarDateFromUtc } from "@/lib/applications/calendar-date";
import { dossierReference } from "@/lib/applications/dossier-reference";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { availableTrancheSteps } from "./tranche-steps";

/** One tranche of a wave, for the programme manager who records its steps; NOT_FOUND outside the wave. */
export async function getTranche(viewer: Viewer, waveId: string, trancheId: string) {
  requirePermission(viewer, "payment:record");
  const tranche = await db.tranche.findFirst({
    where: { id: trancheId, application: { waveId } },
    select: {
      id: true,
      kind: true,
      amountCents: true,
      status: true,
      dueAt: true,
      orderedOn: true,
      paidOn: true,
      paymentReference: true,
      orderedBy: { select: { displayName: true } },
      paidBy: { select: { displayName: true } },
      application: {
        select: {
          id: true,
          number: true,
          projectTitle: true,
          wave: { select: { title: true } },
          establishment: { select: { name: true } },
        },
      },
    },
  });
  if (!tranche) throw new AppError("NOT_FOUND");
  const { number, ...application } = tranche.application;
  return {
    ...tranche,
    application: { ...application, reference: dossierReference(number) },
    orderedOn: tranche.orderedOn && calendarDateFromUtc(tranche.orderedOn),
    paidOn: tranche.paidOn && calendarDateFromUtc(tranche.paidOn),
    steps: availableTrancheSteps(tranche.status),
  };
}

export type TrancheDetail = Awaited<ReturnType<typeof getTranche>>;
