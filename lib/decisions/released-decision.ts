import type { Db } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";

/**
 * The one rule of « décidé »: a dossier is decided once a decision on it is released, whatever its
 * outcome. « Retenu » and « non retenu » move its state, but a waitlisted dossier stays « évalué »
 * with its letter sent, so its state alone never tells. A released decision is final (never
 * superseded, and the dossier can no longer be reopened or withdrawn).
 */
export const RELEASED_DECISION_WHERE = { releasedAt: { not: null } } as const satisfies Prisma.DecisionWhereInput;

/** The same rule in SQL, for queries that count dossiers: `applicationId` is their id column. */
export function hasReleasedDecisionSql(applicationId: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`EXISTS (SELECT 1 FROM "Decision" released WHERE released."applicationId" = ${applicationId} AND released."releasedAt" IS NOT NULL)`;
}

/**
 * A dossier's latest released decision, what its applicant may know: staged proposals stay with
 * the programme until the wave's release (ADR 0013). As relation arguments, so that a page that
 * reads the dossier anyway gets it in the same query (the dossier page, ADR 0023).
 */
export const RELEASED_DECISION_ARGS = {
  where: RELEASED_DECISION_WHERE,
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
