import { defineRoute } from "@/lib/http/define-route";
import { RouteParam } from "@/lib/http/route-params";
import { ZAssignmentDueDateInput } from "@/lib/review/assignment-schemas";
import { setAssignmentDueDate } from "@/lib/review/set-assignment-due-date";

/** A programme manager gives one assignment its own due date (audited). */
export const PATCH = defineRoute({
  params: { assignmentId: RouteParam.id },
  input: ZAssignmentDueDateInput,
  handler: ({ viewer, input, params, ip }) =>
    setAssignmentDueDate(viewer, { assignmentId: params.assignmentId, dueAt: input.dueAt, reason: input.reason, ip }),
});
