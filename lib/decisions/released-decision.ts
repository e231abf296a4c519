import type { Db } from "@/lib/db/client";

/**
 * A dossier's latest released decision, what its applicant may know: staged proposals stay with
 * the programme until the wave's release (ADR 0013). Null before any release.
 */
export function loadReleasedDecision(client: Pick<Db, "decision">, applicationId: string) {
  return client.decision.findFirst({
    where: { applicationId, releasedAt: { not: null } },
    orderBy: { releasedAt: "desc" },
    select: { id: true, outcome: true, amountGrantedCents: true, conditions: true, reasons: true, releasedAt: true, letterKey: true },
  });
}

export type ReleasedDecision = NonNullable<Awaited<ReturnType<typeof loadReleasedDecision>>>;
