import { formatParisDateTime } from "@/lib/time/paris";
import { reviewWorkspaceUrl } from "./review-links";
import { SIGNATURE } from "./signature";

/** To a reviewer, 3 days before their due date, while their review is not submitted. */
export function reviewDueSoonEmail(input: { establishment: string; assignmentId: string; dueAt: Date }) {
  return {
    subject: `Rappel : évaluation du dossier de « ${input.establishment} » attendue avant le ${formatParisDateTime(input.dueAt)}`,
    text: [
      "Bonjour,",
      "",
      `Votre évaluation du dossier de « ${input.establishment} » est attendue avant le ${formatParisDateTime(input.dueAt)} (heure de Paris). Elle n'est pas encore transmise.`,
      "Vos saisies sont enregistrées au fur et à mesure : terminez la grille puis cliquez sur « Transmettre l'évaluation ».",
      reviewWorkspaceUrl(input.assignmentId),
      "",
      SIGNATURE,
    ].join("\n"),
  };
}
