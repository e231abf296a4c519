import type { Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";

/**
 * A dossier's latest released decision, what its applicant may know: staged proposals stay with
 * the programme until the wave's release (ADR 0013). As relation arguments, so that a page that
 * reads the dossier anyway gets it in the same query (the dossier page, ADR 0023).
 */
export const RELEASED_DECISION_ARGS = {
  where: { releasedAt: { not: null } },
  orderBy: { releasedAt: "desc" },
  take: 1,
  select: { id: true, outcome: true, amountGrantedCents: true, conditions: true, reasons: true, releasedAt: true, letterKey: true },
} as const satisfies Prisma.Application$decisionsArgs;

/** The latest released decision of `applicationId`; null before any release. */
export function loadReleasedDecision(client: Pick<Db, "decision">, applicationId: string) {
  const { where, ...args } = RELEASED_DECISION_ARGS;
  return client.decision.findFirst({ ...args, where: { applicationId, ...where } });
}

export type ReleasedDecision = NonNullable<Awaited<ReturnType<typeof loadReleasedDecision>>>;
