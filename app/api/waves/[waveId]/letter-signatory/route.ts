import { ZLetterSignatoryInput } from "@/lib/decisions/letter-signatory";
import { updateLetterSignatory } from "@/lib/decisions/update-letter-signatory";
import { defineRoute } from "@/lib/http/define-route";
import { RouteParam } from "@/lib/http/route-params";

/** Who signs the wave's decision letters: name and title. */
export const PUT = defineRoute({
  params: { waveId: RouteParam.id },
  input: ZLetterSignatoryInput,
  handler: ({ viewer, input, params, ip }) => updateLetterSignatory(viewer, params.waveId, { ...input, ip }),
});
