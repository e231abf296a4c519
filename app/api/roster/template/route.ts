import { z } from "zod";
import { FILE_MIME_TYPES, ZFileFormat } from "@/lib/export/file-format";
import { defineRoute } from "@/lib/http/define-route";
import { fileResponse } from "@/lib/http/file-response";
import { rosterToCsv, rosterToXlsx } from "@/lib/roster/export";

const ZTemplateQuery = z.object({ format: ZFileFormat });

/** The empty roster template (the export's columns), to fill in and import. */
export const GET = defineRoute<typeof ZTemplateQuery>({
  input: ZTemplateQuery,
  handler: async ({ input }) =>
    fileResponse(
      input.format === "csv" ? rosterToCsv([]) : await rosterToXlsx([]),
      `modele-registre-hospiconnect.${input.format}`,
      FILE_MIME_TYPES[input.format],
    ),
});
