import { AppError } from "@/lib/errors/app-error";
import { defineRoute } from "@/lib/http/define-route";
import { readFormData } from "@/lib/http/form-data";
import { RouteParam } from "@/lib/http/route-params";
import { previewRosterImport } from "@/lib/roster/import-session";

/** Upload of a roster file (multipart `file`): the preview, nothing written to the roster. */
export const POST = defineRoute({
  params: { establishmentId: RouteParam.id },
  handler: async ({ viewer, params, request }) => {
    const form = await readFormData(request);
    const file = form.get("file");
    if (file === null || typeof file === "string" || file.size === 0) {
      throw new AppError("INVALID_INPUT", "Choisissez un fichier.", { fieldErrors: { file: ["Choisissez un fichier CSV ou Excel (.xlsx)."] } });
    }
    const preview = await previewRosterImport(viewer, { establishmentId: params.establishmentId, fileName: file.name, bytes: new Uint8Array(await file.arrayBuffer()) });
    return { importId: preview.id };
  },
});
