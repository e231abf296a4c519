import { z } from "zod";
import { MieType } from "@/lib/db/generated/enums";
import { defineRoute } from "@/lib/http/define-route";
import { RouteParam } from "@/lib/http/route-params";
import { removeHomologation, setHomologation } from "@/lib/roster/homologations";
import { ZHomologationInput } from "@/lib/roster/homologation-schema";

/** Records or replaces the establishment's homologation of a local MIE type. */
const params = { establishmentId: RouteParam.id };

export const PUT = defineRoute({
  params,
  input: ZHomologationInput,
  handler: async ({ viewer, input, params, ip }) =>
    setHomologation(viewer, { establishmentId: params.establishmentId, homologation: input, ip }),
});

const ZRemoval = z.object({ type: z.enum(MieType) });

/** Withdraws a homologation (`{ type }`) recorded by mistake: that MIE no longer counts. */
export const DELETE = defineRoute({
  params,
  input: ZRemoval,
  handler: async ({ viewer, input, params, ip }) =>
    removeHomologation(viewer, { establishmentId: params.establishmentId, type: input.type, ip }),
});
