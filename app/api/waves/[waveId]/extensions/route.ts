import { grantDeadlineExtension } from "@/lib/campaigns/grant-deadline-extension";
import { ZDeadlineExtensionInput } from "@/lib/campaigns/schemas";
import { defineRoute } from "@/lib/http/define-route";

/** A programme manager grants one establishment a later closing time on the wave. */
export const POST = defineRoute<typeof ZDeadlineExtensionInput, { waveId: string }>({
  input: ZDeadlineExtensionInput,
  handler: ({ viewer, input, params, ip }) => grantDeadlineExtension(viewer, params.waveId, input, ip),
});
