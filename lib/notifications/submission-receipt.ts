import { formatParisDateTime } from "@/lib/time/paris";
import { dossierUrl } from "./dossier-links";
import { SIGNATURE } from "./signature";

/** To each member of the establishment: their dossier was deposited (the receipt PDF goes with it). */
export function submissionReceiptEmail(input: {
  establishment: string;
  applicationId: string;
  /** « HC-00042 », which the receipt quotes. */
  reference: string;
  wave: string;
  receivedAt: Date;
  contentHash: string;
  /** What comes next, from `whatComesNext` of the dossier as it stands when the receipt is issued. */
  next: string;
}) {
  return {
    subject: `Accusé de réception – dossier HospiConnect de « ${input.establishment} »`,
    text: [
      "Bonjour,",
      "",
      `Le dossier de « ${input.establishment} » pour « ${input.wave} » a bien été déposé le ${formatParisDateTime(input.receivedAt)} (heure de Paris).`,
      `Référence du dossier : ${input.reference}`,
      `Empreinte du contenu déposé (SHA-256) : ${input.contentHash}`,
      "",
      "L'accusé de réception est joint à ce message ; il reste téléchargeable depuis la page du dossier :",
      dossierUrl(input.applicationId),
      "",
      `Et ensuite ? ${input.next}`,
      "",
      SIGNATURE,
    ].join("\n"),
  };
}
