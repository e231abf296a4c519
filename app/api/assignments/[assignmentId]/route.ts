import { defineRoute } from "@/lib/http/define-route";
import { RouteParam } from "@/lib/http/route-params";
import { ZAssignmentDueDateInput, ZRemoveAssignmentInput } from "@/lib/review/assignment-schemas";
import { removeAssignment } from "@/lib/review/remove-assignment";
import { setAssignmentDueDate } from "@/lib/review/set-assignment-due-date";

/** A programme manager gives one assignment its own due date (audited). */
export const PATCH = defineRoute({
  params: { assignmentId: RouteParam.id },
  input: ZAssignmentDueDateInput,
  handler: ({ viewer, input, params, ip }) =>
    setAssignmentDueDate(viewer, { assignmentId: params.assignmentId, dueAt: input.dueAt, reason: input.reason, ip }),
});

/** A programme manager takes a dossier off a reviewer's list before they submit (audited, the reviewer is told why). */
export const DELETE = defineRoute({
  params: { assignmentId: RouteParam.id },
  input: ZRemoveAssignmentInput,
  handler: async ({ viewer, input, params, ip }) => {
    await removeAssignment(viewer, { assignmentId: params.assignmentId, reason: input.reason, ip });
  },
});
