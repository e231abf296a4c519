import { attachedFilesLines } from "./attached-files";
import { dossierUrl } from "./dossier-links";
import { SIGNATURE } from "./signature";

/** Where the answer is read, with what came with it (none, one file, several). */
const ANSWER_WITH = ["La réponse est", "La réponse et sa pièce jointe sont", "La réponse et ses pièces jointes sont"] as const;

/** To the programme managers: the establishment answered their request for information, and the dossier is back under review. */
export function informationAnsweredEmail(input: {
  author: string;
  establishment: string;
  applicationId: string;
  answer: string;
  /** The names of the files that came with the answer. */
  files?: readonly string[];
}) {
  return {
    subject: `Complément reçu pour le dossier HospiConnect de « ${input.establishment} »`,
    text: [
      "Bonjour,",
      "",
      `${input.author} a répondu à la demande de complément sur le dossier de « ${input.establishment} », qui est de nouveau « En instruction » :`,
      "",
      input.answer,
      "",
      ...attachedFilesLines(input.files ?? []),
      `${ANSWER_WITH[Math.min((input.files ?? []).length, 2)]} dans les messages du dossier, où se poursuit l'instruction :`,
      dossierUrl(input.applicationId),
      "",
      SIGNATURE,
    ].join("\n"),
  };
}
