import { recordTrancheStep } from "@/lib/follow-up/record-tranche-step";
import { ZTrancheStepInput } from "@/lib/follow-up/tranche-step-schema";
import { defineRoute } from "@/lib/http/define-route";
import { RouteParam } from "@/lib/http/route-params";

/** A payment step of a tranche (ordered, paid, or the correction of either), by a programme manager. */
export const POST = defineRoute({
  params: { trancheId: RouteParam.id },
  input: ZTrancheStepInput,
  handler: ({ viewer, input, params, ip }) => recordTrancheStep(viewer, params.trancheId, { ...input, ip }),
});
