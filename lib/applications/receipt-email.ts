import { formatParisDateTime } from "@/lib/time/paris";

/** The receipt's file name, for the download and the e-mail's attachment. */
export function receiptFileName(applicationId: string): string {
  return `accuse-de-reception-${applicationId.slice(0, 8)}.pdf`;
}

/** The e-mail that carries the acknowledgment of receipt to each member of the establishment. */
export function receiptEmail(input: { establishment: string; wave: string; receivedAt: Date; contentHash: string }): { subject: string; text: string } {
  return {
    subject: `Accusé de réception – dossier HospiConnect de ${input.establishment}`,
    text: [
      "Bonjour,",
      "",
      `Le dossier de « ${input.establishment} » pour la ${input.wave} a bien été déposé le ${formatParisDateTime(input.receivedAt)} (heure de Paris).`,
      `Empreinte du contenu déposé (SHA-256) : ${input.contentHash}`,
      "",
      "L'accusé de réception est joint à ce message ; il reste téléchargeable depuis la page du dossier.",
      "",
      "L'équipe HospiConnect – Agence du Numérique en Santé",
    ].join("\n"),
  };
}
