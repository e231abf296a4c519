import { recordVerificationStep } from "@/lib/follow-up/record-verification-step";
import { ZVerificationStepInput } from "@/lib/follow-up/verification-schema";
import { defineRoute } from "@/lib/http/define-route";
import { RouteParam } from "@/lib/http/route-params";

/** A tier's step on the declared results it holds: its decision per objective, or a request for information. */
export const POST = defineRoute({
  params: { applicationId: RouteParam.id },
  input: ZVerificationStepInput,
  handler: ({ viewer, input, params, ip }) => recordVerificationStep(viewer, params.applicationId, { ...input, ip }),
});
