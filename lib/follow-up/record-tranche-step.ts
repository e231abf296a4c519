import { requirePermission } from "@/lib/access/policy";
import { auditActor, type Viewer } from "@/lib/access/viewer";
import { calendarDateFromUtc, calendarDateToUtc } from "@/lib/applications/calendar-date";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { requestDelivery } from "@/lib/jobs/worker";
import { tranchePaidEmail } from "@/lib/notifications/tranche-paid";
import { tranchePaymentUndoneEmail } from "@/lib/notifications/tranche-payment-undone";
import { withdrawQueuedEmails } from "@/lib/notifications/withdraw-emails";
import { parisToday } from "@/lib/time/paris";
import type { TTrancheStepInput } from "./tranche-step-schema";
import { applyTrancheStep, TRANCHE_STEPS } from "./tranche-steps";
import { TRANCHE_LABELS } from "./tranches";
import { emailEstablishment } from "./verification-notices";
import { enqueueEmail } from "@/lib/notifications/outbox";

const day = (date: Date | null) => (date === null ? null : calendarDateFromUtc(date));

/**
 * A programme manager records a payment step of a tranche (its order, its payment, or the
 * correction of either), under the tranche's row lock so that two managers never record it twice;
 * the rules are lib/follow-up/tranche-steps.ts. Audited in the same transaction, with the reason of
 * a correction. A payment is e-mailed to the establishment's members through the outbox, once per
 * payment recorded (its day and reference name it). Undoing a payment withdraws its e-mails that
 * have not left the outbox, and tells those who may have received theirs that it is cancelled
 * (ADR 0021): the establishment never keeps an announcement of a payment the programme took back.
 */
export async function recordTrancheStep(
  viewer: Viewer,
  trancheId: string,
  input: TTrancheStepInput & { ip: string | null },
  now = new Date(),
) {
  requirePermission(viewer, "payment:record");
  const recorded = await db.$transaction(async (tx) => {
    const [locked] = await tx.$queryRaw<Array<{ id: string }>>`SELECT "id" FROM "Tranche" WHERE "id" = ${trancheId}::uuid FOR UPDATE`;
    if (!locked) throw new AppError("NOT_FOUND");
    const tranche = await tx.tranche.findUniqueOrThrow({
      where: { id: trancheId },
      select: {
        applicationId: true,
        kind: true,
        amountCents: true,
        status: true,
        dueAt: true,
        orderedOn: true,
        paidOn: true,
        paymentReference: true,
        application: { select: { establishmentId: true, establishment: { select: { name: true } } } },
      },
    });
    const result = applyTrancheStep(
      {
        status: tranche.status,
        dueOn: tranche.dueAt && parisToday(tranche.dueAt),
        orderedOn: day(tranche.orderedOn),
        paidOn: day(tranche.paidOn),
      },
      input,
      parisToday(now),
    );
    if (!result.ok) {
      throw new AppError(result.code, result.message, result.field ? { fieldErrors: { [result.field]: [result.message] } } : {});
    }
    const { change } = result;
    const by = viewer.userId;
    const { establishmentId, establishment } = tranche.application;
    const payment = {
      establishment: establishment.name,
      applicationId: tranche.applicationId,
      tranche: TRANCHE_LABELS[tranche.kind],
      amountCents: tranche.amountCents,
    };
    const paidKey = (paidOn: string, reference: string) => `tranche-paid:${trancheId}:${paidOn}:${reference}`;
    let undone = { withdrawn: 0, corrected: 0 };
    if (input.step === "undo-payment" && tranche.paidOn && tranche.paymentReference !== null) {
      const paidOn = calendarDateFromUtc(tranche.paidOn);
      const { withdrawn, gone } = await withdrawQueuedEmails(tx, paidKey(paidOn, tranche.paymentReference), now);
      const correction = tranchePaymentUndoneEmail({ ...payment, paidOn, paymentReference: tranche.paymentReference });
      // One correction per e-mail that may have left, keyed by it: never two for the same one.
      for (const { id, to } of gone) await enqueueEmail(tx, { dedupeKey: `tranche-payment-undone:${id}`, to, ...correction });
      undone = { withdrawn: withdrawn.length, corrected: gone.length };
    }
    await tx.tranche.update({
      where: { id: trancheId },
      data: {
        status: change.status,
        orderedOn: change.orderedOn && calendarDateToUtc(change.orderedOn),
        paidOn: change.paidOn && calendarDateToUtc(change.paidOn),
        paymentReference: change.paymentReference,
        ...(input.step === "order" ? { orderedById: by } : input.step === "undo-order" ? { orderedById: null } : {}),
        ...(input.step === "pay" ? { paidById: by } : input.step === "undo-payment" ? { paidById: null } : {}),
      },
    });
    await recordAudit(tx, {
      actor: auditActor(viewer),
      action: `tranche.${input.step.replace("-", "_")}`,
      target: { type: "Tranche", id: trancheId },
      ip: input.ip,
      details: {
        applicationId: tranche.applicationId,
        kind: tranche.kind,
        amountCents: tranche.amountCents.toString(),
        from: tranche.status,
        to: TRANCHE_STEPS[input.step].to,
        ...(input.step === "order" ? { orderedOn: input.orderedOn } : {}),
        ...(input.step === "pay" ? { paidOn: input.paidOn, paymentReference: input.paymentReference } : {}),
        ...(input.step === "undo-order" || input.step === "undo-payment"
          ? {
              reason: input.reason,
              orderedOn: day(tranche.orderedOn),
              paidOn: day(tranche.paidOn),
              paymentReference: tranche.paymentReference,
            }
          : {}),
        ...(input.step === "undo-payment" ? { emailsWithdrawn: undone.withdrawn, correctionsQueued: undone.corrected } : {}),
      },
    });
    if (input.step === "pay") {
      const email = tranchePaidEmail({ ...payment, paidOn: input.paidOn, paymentReference: input.paymentReference });
      await emailEstablishment(tx, establishmentId, email, paidKey(input.paidOn, input.paymentReference));
    }
    return { status: change.status, mailed: input.step === "pay" || undone.corrected > 0 };
  });
  if (recorded.mailed) requestDelivery();
  return { status: recorded.status };
}
