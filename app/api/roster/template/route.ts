import { z } from "zod";
import { defineRoute } from "@/lib/http/define-route";
import { fileResponse } from "@/lib/http/file-response";
import { rosterToCsv, rosterToXlsx } from "@/lib/roster/export";

const ZTemplateQuery = z.object({ format: z.enum(["csv", "xlsx"]).catch("csv") });

/** The empty roster template (the export's columns), to fill in and import. */
export const GET = defineRoute<typeof ZTemplateQuery>({
  input: ZTemplateQuery,
  handler: async ({ input }) =>
    input.format === "csv"
      ? fileResponse(rosterToCsv([]), "modele-registre-hospiconnect.csv", "text/csv; charset=utf-8")
      : fileResponse(
          await rosterToXlsx([]),
          "modele-registre-hospiconnect.xlsx",
          "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        ),
});
