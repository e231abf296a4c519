import type { Prisma } from "@/lib/db/generated/client";

/**
 * Serializes the transactions that name the same key until each commits or rolls back: for writes
 * whose conflict has no row to lock yet (an address not yet invited, an establishment's snapshot of
 * the day). Two keys may share a 64-bit hash; they then wait for each other, which is only slower.
 */
export async function lockUntilCommit(tx: Pick<Prisma.TransactionClient, "$executeRaw">, key: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${key}, 0))`;
}
