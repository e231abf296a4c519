import { startApplication } from "@/lib/applications/start-application";
import { ZStartApplicationInput } from "@/lib/campaigns/schemas";
import { defineRoute } from "@/lib/http/define-route";

/** A member starts their establishment's dossier on a wave (or gets the one already started). */
export const POST = defineRoute({
  input: ZStartApplicationInput,
  handler: ({ viewer, input, ip }) => startApplication(viewer, input, ip),
});
