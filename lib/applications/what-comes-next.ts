import type { ApplicationState, ReviewTiers } from "@/lib/db/generated/enums";

const QUESTIONS = "Pour toute question, écrivez à l'équipe du programme depuis les messages du dossier.";
const DECISION_TO_COME = "La décision vous sera notifiée par courriel, avec sa lettre, quand les résultats de la vague seront publiés.";

/**
 * What happens to a deposited dossier from where it stands now, as its establishment reads it on
 * the dossier's page and in the receipt e-mail: one text for both. The receipt may be issued long
 * after the submission (the demo's, at the first start; a receipt retried after a failure), when
 * the dossier has moved on: `decided` is true once a decision on it has been released (a
 * waitlisted dossier stays « évalué »).
 */
export function whatComesNext(dossier: { reviewTiers: ReviewTiers; state: ApplicationState; decided: boolean }): string {
  if (dossier.decided || dossier.state === "SELECTED" || dossier.state === "REJECTED") {
    return `La décision sur votre dossier a été publiée : sa lettre se trouve sur la page du dossier. ${QUESTIONS}`;
  }
  switch (dossier.state) {
    case "WITHDRAWN":
      return `Votre dossier a été retiré : il ne sera pas instruit et aucune décision ne sera rendue. ${QUESTIONS}`;
    case "INFORMATION_REQUESTED":
      return `L'instruction de votre dossier attend un complément : répondez-y depuis la page du dossier. ${DECISION_TO_COME} ${QUESTIONS}`;
    case "SCORED":
      return `L'instruction de votre dossier est terminée. ${DECISION_TO_COME} ${QUESTIONS}`;
    default: {
      const review =
        dossier.reviewTiers === "REGIONAL_THEN_NATIONAL"
          ? "Votre dossier est maintenant instruit par l'ARS de votre région, puis par l'ANS."
          : "Votre dossier est maintenant instruit par l'ANS.";
      return `${review} Si l'instruction a besoin d'un complément, vous serez prévenu par courriel et répondrez depuis la page du dossier. ${DECISION_TO_COME} ${QUESTIONS}`;
    }
  }
}
