import { formatParisDateTime } from "@/lib/time/paris";
import { establishmentUrl } from "./dossier-links";
import { SIGNATURE } from "./signature";

/** To each member of an establishment: a programme manager gave it a later closing time on a wave. */
export function deadlineExtendedEmail(input: {
  establishment: string;
  establishmentId: string;
  wave: string;
  closesAt: Date;
  reason: string;
}) {
  return {
    subject: `Prolongation accordée jusqu'au ${formatParisDateTime(input.closesAt)} – HospiConnect`,
    text: [
      "Bonjour,",
      "",
      `L'Agence du Numérique en Santé accorde à « ${input.establishment} » une prolongation pour « ${input.wave} ».`,
      `Nouvelle date limite de dépôt pour votre établissement : ${formatParisDateTime(input.closesAt)} (heure de Paris).`,
      `Motif : ${input.reason}`,
      "",
      establishmentUrl(input.establishmentId),
      "",
      SIGNATURE,
    ].join("\n"),
  };
}
