import { reviewWorkspaceUrl } from "./review-links";
import { SIGNATURE } from "./signature";

/** To a reviewer: a programme manager reopened the review they had submitted. */
export function reviewReopenedEmail(input: { establishment: string; assignmentId: string; reason: string }) {
  return {
    subject: `HospiConnect : votre évaluation du dossier de « ${input.establishment} » est rouverte`,
    text: [
      "Bonjour,",
      "",
      `Un chargé de programme a rouvert votre évaluation du dossier de « ${input.establishment} » : vous pouvez de nouveau la modifier, puis la transmettre.`,
      "",
      `Motif : ${input.reason}`,
      "",
      reviewWorkspaceUrl(input.assignmentId),
      "",
      SIGNATURE,
    ].join("\n"),
  };
}
