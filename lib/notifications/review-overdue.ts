import { formatParisDateTime } from "@/lib/time/paris";
import { reviewWorkspaceUrl } from "./review-links";
import { SIGNATURE } from "./signature";

/** To a reviewer, each working day once their due date has passed without a submitted review. */
export function reviewOverdueEmail(input: { establishment: string; assignmentId: string; dueAt: Date }) {
  return {
    subject: `Évaluation en retard : dossier de « ${input.establishment} »`,
    text: [
      "Bonjour,",
      "",
      `Votre évaluation du dossier de « ${input.establishment} » était attendue le ${formatParisDateTime(input.dueAt)} (heure de Paris) et n'est pas encore transmise.`,
      "Merci de la terminer au plus vite, ou de prévenir le chargé de programme si vous ne pouvez pas la faire.",
      reviewWorkspaceUrl(input.assignmentId),
      "",
      SIGNATURE,
    ].join("\n"),
  };
}
