import { dossierUrl } from "./dossier-links";
import { SIGNATURE } from "./signature";

/** To the other side of a dossier's thread (the establishment's members, or the programme managers): a new message. */
export function messagePostedEmail(input: { author: string; establishment: string; applicationId: string; body: string }) {
  return {
    subject: `Nouveau message sur le dossier HospiConnect de « ${input.establishment} »`,
    text: [
      "Bonjour,",
      "",
      `${input.author} a écrit sur le dossier de « ${input.establishment} » :`,
      "",
      input.body,
      "",
      "Répondez depuis la page du dossier :",
      dossierUrl(input.applicationId),
      "",
      SIGNATURE,
    ].join("\n"),
  };
}
