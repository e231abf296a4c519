import { defineRoute } from "@/lib/http/define-route";
import { RouteParam } from "@/lib/http/route-params";
import { commitRosterImport } from "@/lib/roster/import-session";

/** Writes the previewed import, all or nothing. */
export const POST = defineRoute({
  params: { establishmentId: RouteParam.id, importId: RouteParam.id },
  handler: async ({ viewer, params, ip }) =>
    commitRosterImport(viewer, { establishmentId: params.establishmentId, importId: params.importId, ip }),
});
