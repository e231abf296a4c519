import type { Db } from "@/lib/db/client";
import type { TrancheStatus } from "./tranches";

export type TrancheTotals = Readonly<Record<TrancheStatus, bigint>>;

/** The wave's tranches summed by state, in cents: what is paid, ordered, due, and planned for later. */
export async function trancheTotals(client: Pick<Db, "tranche">, waveId: string): Promise<TrancheTotals> {
  const groups = await client.tranche.groupBy({
    by: ["status"],
    where: { application: { waveId } },
    _sum: { amountCents: true },
  });
  const sum = (status: TrancheStatus) => groups.find((group) => group.status === status)?._sum.amountCents ?? 0n;
  return { PLANNED: sum("PLANNED"), DUE: sum("DUE"), ORDERED: sum("ORDERED"), PAID: sum("PAID"), CANCELLED: sum("CANCELLED") };
}
