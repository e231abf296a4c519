import { defineRoute } from "@/lib/http/define-route";
import { RouteParam } from "@/lib/http/route-params";
import { ZProfessionalInput } from "@/lib/roster/professional-schema";
import { createProfessional } from "@/lib/roster/save-professional";

/** Adds a professional to the establishment's roster. */
export const POST = defineRoute({
  params: { establishmentId: RouteParam.id },
  input: ZProfessionalInput,
  handler: async ({ viewer, input, params, ip }) =>
    createProfessional(viewer, { establishmentId: params.establishmentId, professional: input, ip }),
});
