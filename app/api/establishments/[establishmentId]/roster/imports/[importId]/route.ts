import { defineRoute } from "@/lib/http/define-route";
import { RouteParam } from "@/lib/http/route-params";
import { abandonRosterImport } from "@/lib/roster/import-session";

/** Abandons a preview: the import and its file are deleted, nothing is written to the roster. */
export const DELETE = defineRoute({
  params: { establishmentId: RouteParam.id, importId: RouteParam.id },
  handler: async ({ viewer, params, ip }) =>
    abandonRosterImport(viewer, { establishmentId: params.establishmentId, importId: params.importId, ip }),
});
