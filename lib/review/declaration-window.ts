import type { ApplicationState, ReviewStatus } from "@/lib/db/generated/enums";
import { isInReview } from "./review-states";

/**
 * Why a reviewer may no longer declare their interests on an assignment, in French; null while they
 * may. A declaration ends the assignment and drops its review from the dossier's scores: once the
 * review is transmitted, or the dossier is no longer under review (scored, decided), that would
 * rewrite figures the programme has already used, or a published decision's. A conflict found that
 * late goes to the programme, which can reopen the review first.
 */
export function declarationClosedReason(state: ApplicationState, reviewStatus: ReviewStatus | null): string | null {
  if (reviewStatus === "SUBMITTED")
    return "Votre évaluation est transmise : pour signaler un lien d'intérêts découvert depuis, écrivez au chargé de programme, qui peut la rouvrir.";
  if (!isInReview(state)) return "Ce dossier n'est plus en instruction : pour signaler un lien d'intérêts, écrivez au chargé de programme.";
  return null;
}
