import { requirePermission } from "@/lib/access/policy";
import { auditActor, type Viewer } from "@/lib/access/viewer";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { parisDateTime, parisLocalTimeProblem } from "@/lib/time/paris";
import { PAST_DUE_DATE } from "./assignment-schemas";
import { loadAssignment } from "./load-assignment";

/**
 * A manager gives one assignment its own due date (or back to the tier's), audited with the reason.
 * A due date already past is refused: the review would be overdue at once, its reviewer reminded.
 */
export async function setAssignmentDueDate(
  viewer: Viewer,
  input: { assignmentId: string; dueAt: string; reason: string; ip: string | null },
  now = new Date(),
) {
  requirePermission(viewer, "reviewer:assign");
  const { assignment } = await loadAssignment(db, input.assignmentId);
  const problem = input.dueAt ? parisLocalTimeProblem(input.dueAt) : null;
  if (problem) throw new AppError("INVALID_INPUT", problem, { fieldErrors: { dueAt: [problem] } });
  const dueAt = input.dueAt ? parisDateTime(input.dueAt) : null;
  if (dueAt && dueAt <= now) throw new AppError("INVALID_INPUT", PAST_DUE_DATE, { fieldErrors: { dueAt: [PAST_DUE_DATE] } });
  await db.$transaction(async (tx) => {
    await tx.reviewerAssignment.update({ where: { id: assignment.id }, data: { dueAt } });
    await recordAudit(tx, {
      actor: auditActor(viewer),
      action: "review.due_date_overridden",
      target: { type: "ReviewerAssignment", id: assignment.id },
      ip: input.ip,
      details: { from: assignment.dueAt?.toISOString() ?? null, to: dueAt?.toISOString() ?? null, reason: input.reason },
    });
  });
  return { dueAt };
}
