import { defineRoute } from "@/lib/http/define-route";
import { RouteParam } from "@/lib/http/route-params";
import { declareInterests } from "@/lib/review/declare-interests";
import { ZDeclarationInput } from "@/lib/review/declaration-schema";

/** The reviewer's declaration of interests on one of their assignments. */
export const POST = defineRoute({
  params: { assignmentId: RouteParam.id },
  input: ZDeclarationInput,
  handler: ({ viewer, input, params, ip }) => declareInterests(viewer, { assignmentId: params.assignmentId, declaration: input, ip }),
});
