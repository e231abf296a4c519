import type { Prisma } from "@/lib/db/generated/client";
import { AppError } from "@/lib/errors/app-error";

type Writer = Pick<Prisma.TransactionClient, "tranche">;

/** What a conclusion of the verification did to the balance: its amount when it changed it. */
export type BalanceChange = { changed: true; amountCents: bigint } | { changed: false };

/** The dossier's planned balance moved to `data`, in one statement; what it changed. */
async function movePlannedBalance(tx: Writer, applicationId: string, data: Prisma.TrancheUpdateManyMutationInput): Promise<BalanceChange> {
  const [moved] = await tx.tranche.updateManyAndReturn({
    where: { applicationId, kind: "BALANCE", status: "PLANNED" },
    data,
    select: { amountCents: true },
  });
  return moved ? { changed: true, amountCents: moved.amountCents } : { changed: false };
}

/**
 * Makes the balance tranche of a dossier due, in the caller's transaction: what the validation of
 * its results does (issue 13 item 4). Idempotent: a balance already due, ordered or paid is left
 * as it is (`changed: false`), so a retried validation changes nothing; so is a grant paid in one
 * go at selection, which has no balance (ADR 0021). INVALID_STATE when the dossier has no tranches
 * (no released grant, or its wave's advance share is not set).
 */
export async function makeBalanceTrancheDue(tx: Writer, applicationId: string, now: Date): Promise<BalanceChange> {
  const change = await movePlannedBalance(tx, applicationId, { status: "DUE", dueAt: now });
  if (!change.changed && (await tx.tranche.count({ where: { applicationId } })) === 0)
    throw new AppError("INVALID_STATE", "Ce dossier n'a pas d'échéancier de versements : fixez la part de l'avance de la vague.");
  return change;
}

/**
 * Cancels the balance tranche of a dossier whose results are refused, in the caller's transaction:
 * a refusal is final (ADR 0020), so the balance will never be owed and must not count in what the
 * wave still plans to pay. Only a planned balance is cancelled; a dossier without tranches, or
 * paid in one go at selection, has none.
 */
export function cancelBalanceTranche(tx: Writer, applicationId: string): Promise<BalanceChange> {
  return movePlannedBalance(tx, applicationId, { status: "CANCELLED" });
}
