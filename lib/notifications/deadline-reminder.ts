import { formatParisDateTime } from "@/lib/time/paris";
import { dossierUrl } from "./dossier-links";
import { SIGNATURE } from "./signature";

/** To each member of an establishment whose dossier is still a draft, 7 and 2 days before its deadline. */
export function deadlineReminderEmail(input: {
  establishment: string;
  wave: string;
  deadline: Date;
  extended: boolean;
  applicationId: string;
}) {
  return {
    subject: `Rappel : dossier HospiConnect de « ${input.establishment} » à déposer avant le ${formatParisDateTime(input.deadline)}`,
    text: [
      "Bonjour,",
      "",
      `Le dossier de « ${input.establishment} » pour « ${input.wave} » est encore un brouillon : il n'a pas été déposé.`,
      `Date limite de dépôt : ${formatParisDateTime(input.deadline)} (heure de Paris)${input.extended ? ", prolongation accordée à votre établissement comprise" : ""}.`,
      "",
      "Un brouillon enregistré n'est pas un dépôt : pour que votre candidature soit examinée, ouvrez le dossier, complétez ce qui manque puis cliquez sur « Déposer le dossier ».",
      dossierUrl(input.applicationId),
      "",
      SIGNATURE,
    ].join("\n"),
  };
}
