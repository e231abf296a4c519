import { cache } from "react";
import type { ApplicationFacts } from "@/lib/access/policy";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";

export type DossierFacts = ApplicationFacts & { id: string; version: number; waveId: string; waveVersionId: string };

type Reader = Pick<Db, "application">;

/**
 * What the access policy and the state machine need about a dossier, read from the database: the
 * ownership comes from the row, never from ids the client sent. NOT_FOUND when there is no such
 * dossier (the same answer as for a dossier one may not see). Read once per page render (React's
 * `cache`: the dossier page's three loads share it); route handlers and scripts read it each time.
 */
export const loadDossierFacts = cache(async (client: Reader, applicationId: string): Promise<DossierFacts> => {
  const row = /^[0-9a-f-]{36}$/i.test(applicationId)
    ? await client.application.findUnique({
        where: { id: applicationId },
        select: {
          id: true,
          establishmentId: true,
          state: true,
          version: true,
          waveId: true,
          waveVersionId: true,
          establishment: { select: { regionCode: true } },
          assignments: { select: { reviewerId: true, tier: true, conflict: { select: { hasConflict: true } } } },
        },
      })
    : null;
  if (!row) throw new AppError("NOT_FOUND");
  return {
    id: row.id,
    establishmentId: row.establishmentId,
    regionCode: row.establishment.regionCode,
    state: row.state,
    version: row.version,
    waveId: row.waveId,
    waveVersionId: row.waveVersionId,
    reviewers: row.assignments.map((assignment) => ({
      reviewerId: assignment.reviewerId,
      tier: assignment.tier,
      hasConflict: assignment.conflict?.hasConflict ?? null,
    })),
  };
});
