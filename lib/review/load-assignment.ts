import { loadDossierFacts } from "@/lib/applications/dossier-facts";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { lockDossierForReview } from "./tier-completion";

type Reader = Pick<Db, "$queryRaw" | "reviewerAssignment">;

/**
 * An assignment with what the policy needs about its dossier (ownership and state come from the
 * rows, never from the request). NOT_FOUND for a malformed or unknown id.
 */
export async function loadAssignment(client: Reader, assignmentId: string) {
  const assignment = await client.reviewerAssignment.findUnique({
    where: { id: assignmentId },
    select: {
      id: true,
      applicationId: true,
      reviewerId: true,
      tier: true,
      dueAt: true,
      assignedAt: true,
      assignedById: true,
      conflict: { select: { hasConflict: true } },
      review: { select: { id: true, status: true, version: true } },
    },
  });
  if (!assignment) throw new AppError("NOT_FOUND");
  return { assignment, facts: await loadDossierFacts(client, assignment.applicationId) };
}

export type LoadedAssignment = Awaited<ReturnType<typeof loadAssignment>>;

/**
 * `loadAssignment` under the dossier's lock (`lockDossierForReview`), for a use case that checks
 * the dossier's state and then changes its assignment or review in the same transaction: the state
 * it reads cannot change before it commits. Read before the transaction, a save could pass as the
 * dossier in review and be written after a request for information had paused it.
 */
export async function loadAssignmentLocked(tx: Reader, assignmentId: string) {
  const found = await tx.reviewerAssignment.findUnique({ where: { id: assignmentId }, select: { applicationId: true } });
  if (!found) throw new AppError("NOT_FOUND");
  const locked = await lockDossierForReview(tx, found.applicationId);
  return { locked, ...(await loadAssignment(tx, assignmentId)) };
}
