import { defineRoute } from "@/lib/http/define-route";
import { commitRosterImport } from "@/lib/roster/import-session";

/** Writes the previewed import, all or nothing. */
export const POST = defineRoute<never, { establishmentId: string; importId: string }>({
  handler: async ({ viewer, params, ip }) => commitRosterImport(viewer, { establishmentId: params.establishmentId, importId: params.importId, ip }),
});
