import { ZDossierExport } from "@/lib/applications/export-dossiers";
import { listOwnExports } from "@/lib/exports/list-exports";
import { requestDossierExport } from "@/lib/exports/request-export";
import { defineRoute } from "@/lib/http/define-route";

/** The manager's background exports and their progress (what « Mes exports » polls). */
export const GET = defineRoute({
  handler: async ({ viewer }) => ({ exports: await listOwnExports(viewer) }),
});

/** A dossier export above the threshold, with the list's filters: written in the background. */
export const POST = defineRoute({
  input: ZDossierExport,
  handler: ({ viewer, input, ip }) => requestDossierExport(viewer, input, ip),
});
