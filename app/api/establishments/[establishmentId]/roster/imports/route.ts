import { formatFileSize } from "@/lib/attachments/file-size";
import { UPLOAD_LIMITS } from "@/lib/config/upload-limits";
import { AppError } from "@/lib/errors/app-error";
import { defineRoute } from "@/lib/http/define-route";
import { filesOf, readFormData } from "@/lib/http/form-data";
import { RouteParam } from "@/lib/http/route-params";
import { previewRosterImport } from "@/lib/roster/import-session";
import { ROSTER_FILE_TOO_LARGE_ADVICE } from "@/lib/roster/import/site-lines";

/** Upload of a roster file (multipart `file`): the preview, nothing written to the roster. */
export const POST = defineRoute({
  params: { establishmentId: RouteParam.id },
  handler: async ({ viewer, params, request }) => {
    const form = await readFormData(request, {
      maxBytes: UPLOAD_LIMITS.rosterImportBytes,
      tooLarge: `Le fichier dépasse la taille maximale de ${formatFileSize(UPLOAD_LIMITS.rosterImportBytes)}. ${ROSTER_FILE_TOO_LARGE_ADVICE}`,
    });
    const [file] = await filesOf(form, "file");
    if (!file) {
      throw new AppError("INVALID_INPUT", "Choisissez un fichier.", {
        fieldErrors: { file: ["Choisissez un fichier CSV ou Excel (.xlsx)."] },
      });
    }
    const preview = await previewRosterImport(viewer, { establishmentId: params.establishmentId, fileName: file.name, bytes: file.bytes });
    return { importId: preview.id };
  },
});
