import { SIGNATURE } from "./signature";

/** To a reviewer: a programme manager took a dossier off their list before they submitted. */
export function assignmentRemovedEmail(input: { establishment: string; reason: string }) {
  return {
    subject: `HospiConnect : le dossier de « ${input.establishment} » ne vous est plus attribué`,
    text: [
      "Bonjour,",
      "",
      `Un chargé de programme vous a retiré l'évaluation du dossier de « ${input.establishment} » : vous n'avez plus à l'évaluer, et ce que vous en aviez saisi n'est pas conservé.`,
      "",
      `Motif : ${input.reason}`,
      "",
      SIGNATURE,
    ].join("\n"),
  };
}
