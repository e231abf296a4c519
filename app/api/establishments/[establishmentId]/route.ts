import { z } from "zod";
import { ZEstablishmentProfileInput } from "@/lib/establishments/profile-schema";
import { updateEstablishmentProfile } from "@/lib/establishments/update-profile";
import { defineRoute } from "@/lib/http/define-route";
import { RouteParam } from "@/lib/http/route-params";

const ZProfileRequest = z.object({ expectedVersion: z.number().int().min(1), profile: ZEstablishmentProfileInput });

/** The establishment's profile and contacts, by its members. */
export const PUT = defineRoute({
  params: { establishmentId: RouteParam.id },
  input: ZProfileRequest,
  handler: async ({ viewer, input, params, ip }) =>
    updateEstablishmentProfile(viewer, {
      establishmentId: params.establishmentId,
      expectedVersion: input.expectedVersion,
      profile: input.profile,
      ip,
    }),
});
