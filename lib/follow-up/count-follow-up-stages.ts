/**
 * The selected dossiers counted by follow-up stage and region in one grouped query (latest
 * declaration's verification state × whether every tranche is paid × region): a few dozen rows whatever the
 * number of dossiers. The stages are derived from the groups by `followUpStage`, the one rule,
 * so the dashboard's funnel, the board's counts and the board's rows cannot disagree.
 *
 * Public API: `countFollowUpStages`, `FollowUpStageCount`.
 */
import type { Prisma } from "@/lib/db/generated/client";
import type { VerificationState } from "@/lib/db/generated/enums";
import type { RosterClient } from "@/lib/roster/establishment-indicators";
import { type FollowUpStage, followUpStage } from "./follow-up-stage";

export type FollowUpStageCount = { stage: FollowUpStage; regionCode: string; count: number };

type Group = { verification: VerificationState | null; paidInFull: boolean; regionCode: string; count: number };

/**
 * `where` is a condition on the dossier `a`, its establishment `e` and the establishment's
 * category `c`; the dossiers are the selected ones only. A stage may come in several groups.
 */
export async function countFollowUpStages(client: RosterClient, where: Prisma.Sql): Promise<FollowUpStageCount[]> {
  const groups = await client.$queryRaw<Group[]>`
    SELECT v.state::text AS verification, t."paidInFull", e."regionCode" AS "regionCode", count(*)::int AS count
    FROM "Application" a
    JOIN "Establishment" e ON e.id = a."establishmentId"
    JOIN "EstablishmentCategory" c ON c.code = e."categoryCode"
    LEFT JOIN LATERAL (
      SELECT d.id FROM "ResultDeclaration" d WHERE d."applicationId" = a.id ORDER BY d."declaredAt" DESC LIMIT 1
    ) d ON TRUE
    LEFT JOIN "ResultVerification" v ON v."declarationId" = d.id
    CROSS JOIN LATERAL (
      -- allTranchesPaid: at least one tranche, none unpaid.
      SELECT count(*) > 0 AND bool_and(t.status = 'PAID') IS TRUE AS "paidInFull" FROM "Tranche" t WHERE t."applicationId" = a.id
    ) t
    WHERE a.state = 'SELECTED' AND ${where}
    GROUP BY e."regionCode", v.state, t."paidInFull"`;
  return groups.map(({ verification, paidInFull, regionCode, count }) => ({
    stage: followUpStage({ verification: verification ? { state: verification } : null, paidInFull }),
    regionCode,
    count,
  }));
}
