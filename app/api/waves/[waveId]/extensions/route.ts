import { grantDeadlineExtension } from "@/lib/campaigns/grant-deadline-extension";
import { ZDeadlineExtensionInput } from "@/lib/campaigns/schemas";
import { defineRoute } from "@/lib/http/define-route";
import { RouteParam } from "@/lib/http/route-params";

/** A programme manager grants one establishment a later closing time on the wave. */
export const POST = defineRoute({
  params: { waveId: RouteParam.id },
  input: ZDeadlineExtensionInput,
  handler: ({ viewer, input, params, ip }) => grantDeadlineExtension(viewer, params.waveId, input, ip),
});
