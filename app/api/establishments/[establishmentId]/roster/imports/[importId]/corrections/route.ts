import { z } from "zod";
import { defineRoute } from "@/lib/http/define-route";
import { RouteParam } from "@/lib/http/route-params";
import { correctRosterImportLine } from "@/lib/roster/import-session";

const ZCorrection = z.object({ line: z.number().int().min(2), cells: z.array(z.string().max(1000)).max(100) });

/** A rejected line of the file, as the director corrected it in the preview. */
export const POST = defineRoute({
  params: { establishmentId: RouteParam.id, importId: RouteParam.id },
  input: ZCorrection,
  handler: async ({ viewer, input, params }) => {
    const preview = await correctRosterImportLine(viewer, { establishmentId: params.establishmentId, importId: params.importId, ...input });
    const still = preview.rejected.find((rejected) => rejected.line === input.line);
    return { accepted: still === undefined, messages: still?.messages ?? [], cellMessages: still?.cellMessages ?? {} };
  },
});
