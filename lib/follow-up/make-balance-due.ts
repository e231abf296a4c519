import type { Prisma } from "@/lib/db/generated/client";
import { AppError } from "@/lib/errors/app-error";

/**
 * Makes the balance tranche of a dossier due, in the caller's transaction: what the validation of
 * its results does (issue 13 item 4). Idempotent: a balance already due, ordered or paid is left
 * as it is (`changed: false`), so a retried validation changes nothing. INVALID_STATE when the
 * dossier has no tranches (no released grant, or its wave's advance share is not set).
 */
export async function makeBalanceTrancheDue(
  tx: Pick<Prisma.TransactionClient, "tranche">,
  applicationId: string,
  now: Date,
): Promise<{ changed: boolean }> {
  const updated = await tx.tranche.updateMany({
    where: { applicationId, kind: "BALANCE", status: "PLANNED" },
    data: { status: "DUE", dueAt: now },
  });
  if (updated.count === 1) return { changed: true };
  const balance = await tx.tranche.findUnique({ where: { applicationId_kind: { applicationId, kind: "BALANCE" } }, select: { id: true } });
  if (!balance)
    throw new AppError("INVALID_STATE", "Ce dossier n'a pas d'échéancier de versements : fixez la part de l'avance de la vague.");
  return { changed: false };
}

/**
 * Cancels the balance tranche of a dossier whose results are refused, in the caller's transaction:
 * a refusal is final (ADR 0020), so the balance will never be owed and must not count in what the
 * wave still plans to pay. Only a planned balance is cancelled; a dossier without tranches has none.
 */
export async function cancelBalanceTranche(
  tx: Pick<Prisma.TransactionClient, "tranche">,
  applicationId: string,
): Promise<{ changed: boolean }> {
  const updated = await tx.tranche.updateMany({
    where: { applicationId, kind: "BALANCE", status: "PLANNED" },
    data: { status: "CANCELLED" },
  });
  return { changed: updated.count === 1 };
}
