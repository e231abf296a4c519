import { dossierUrl } from "./dossier-links";
import { SIGNATURE } from "./signature";

/** To the programme managers: the establishment answered their request for information, and the dossier is back under review. */
export function informationAnsweredEmail(input: { author: string; establishment: string; applicationId: string; answer: string }) {
  return {
    subject: `Complément reçu pour le dossier HospiConnect de « ${input.establishment} »`,
    text: [
      "Bonjour,",
      "",
      `${input.author} a répondu à la demande de complément sur le dossier de « ${input.establishment} », qui est de nouveau « En instruction » :`,
      "",
      input.answer,
      "",
      "Les pièces jointes éventuelles et la suite de l'instruction sont sur la page du dossier :",
      dossierUrl(input.applicationId),
      "",
      SIGNATURE,
    ].join("\n"),
  };
}
