import { reviewWorkspaceUrl } from "./review-links";
import { SIGNATURE } from "./signature";

/** To a reviewer who had not transmitted their review: a programme manager closed the dossier's review without it. */
export function reviewNoLongerExpectedEmail(input: { establishment: string; assignmentId: string }) {
  return {
    subject: `HospiConnect : votre évaluation du dossier de « ${input.establishment} » n'est plus attendue`,
    text: [
      "Bonjour,",
      "",
      `Un chargé de programme a clos l'instruction du dossier de « ${input.establishment} » avec les évaluations déjà transmises : la vôtre n'est plus attendue, et vous n'avez plus rien à faire sur ce dossier.`,
      "",
      reviewWorkspaceUrl(input.assignmentId),
      "",
      SIGNATURE,
    ].join("\n"),
  };
}

/** To the same reviewer when a manager reopens the dossier's review: their review is expected again. */
export function reviewExpectedAgainEmail(input: { establishment: string; assignmentId: string }) {
  return {
    subject: `HospiConnect : votre évaluation du dossier de « ${input.establishment} » est de nouveau attendue`,
    text: [
      "Bonjour,",
      "",
      `Un chargé de programme a rouvert l'instruction du dossier de « ${input.establishment} » : votre évaluation est de nouveau attendue. Reprenez-la là où vous l'aviez laissée, puis transmettez-la.`,
      "",
      reviewWorkspaceUrl(input.assignmentId),
      "",
      SIGNATURE,
    ].join("\n"),
  };
}
