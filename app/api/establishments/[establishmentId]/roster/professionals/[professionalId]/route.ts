import { z } from "zod";
import { defineRoute } from "@/lib/http/define-route";
import { RouteParam } from "@/lib/http/route-params";
import { ZProfessionalInput } from "@/lib/roster/professional-schema";
import { deleteProfessional } from "@/lib/roster/delete-professional";
import { updateProfessional } from "@/lib/roster/save-professional";

const ZUpdateRequest = z.object({ expectedVersion: z.number().int().min(1), professional: ZProfessionalInput });

/** Changes a professional's record, if nobody changed it since it was read. */
export const PUT = defineRoute({
  params: { establishmentId: RouteParam.id, professionalId: RouteParam.id },
  input: ZUpdateRequest,
  handler: async ({ viewer, input, params, ip }) =>
    updateProfessional(viewer, {
      establishmentId: params.establishmentId,
      professionalId: params.professionalId,
      expectedVersion: input.expectedVersion,
      professional: input.professional,
      ip,
    }),
});

const ZDeleteRequest = z.object({ expectedVersion: z.number().int().min(1) });

/** Deletes a record created by mistake, if nobody changed it since it was read. */
export const DELETE = defineRoute({
  params: { establishmentId: RouteParam.id, professionalId: RouteParam.id },
  input: ZDeleteRequest,
  handler: async ({ viewer, input, params, ip }) =>
    deleteProfessional(viewer, {
      establishmentId: params.establishmentId,
      professionalId: params.professionalId,
      expectedVersion: input.expectedVersion,
      ip,
    }),
});
