import { ZStageDecisionInput, ZWithdrawProposalInput } from "@/lib/decisions/proposal";
import { stageDecision } from "@/lib/decisions/stage-decision";
import { withdrawProposal } from "@/lib/decisions/withdraw-proposal";
import { defineRoute } from "@/lib/http/define-route";
import { RouteParam } from "@/lib/http/route-params";

/** A programme manager's proposal for the dossier, staged until the wave's decisions are released. */
export const POST = defineRoute({
  params: { applicationId: RouteParam.id },
  // What the manager saw is required here: only the demo loader stages without it.
  input: ZStageDecisionInput.required({ replacing: true }),
  handler: ({ viewer, input, params, ip }) => stageDecision(viewer, { ...input, applicationId: params.applicationId, ip }),
});

/** « Retirer la proposition »: the staged proposal the manager saw, before the release. */
export const DELETE = defineRoute({
  params: { applicationId: RouteParam.id },
  input: ZWithdrawProposalInput,
  handler: ({ viewer, input, params, ip }) => withdrawProposal(viewer, { ...input, applicationId: params.applicationId, ip }),
});
