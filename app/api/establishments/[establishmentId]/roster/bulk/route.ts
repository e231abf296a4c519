import { defineRoute } from "@/lib/http/define-route";
import { RouteParam } from "@/lib/http/route-params";
import { applyBulkAction, ZBulkAction } from "@/lib/roster/bulk-actions";

/** An action on the professionals selected in the roster table (all or nothing). */
export const POST = defineRoute({
  params: { establishmentId: RouteParam.id },
  input: ZBulkAction,
  handler: async ({ viewer, input, params, ip }) => applyBulkAction(viewer, { establishmentId: params.establishmentId, action: input, ip }),
});
