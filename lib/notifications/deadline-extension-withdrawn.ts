import { isPastClosing } from "@/lib/campaigns/deadline";
import { formatParisDateTime } from "@/lib/time/paris";
import { establishmentUrl } from "./dossier-links";
import { SIGNATURE } from "./signature";

/**
 * To each member of an establishment: the extension it had on a wave was withdrawn (granted by
 * mistake), its deadline is the wave's closing again, and says so when that closing is past. A
 * dossier already deposited (before the wave's closing: ADR 0038 refuses the withdrawal
 * otherwise) is not concerned, and the e-mail says so instead.
 */
export function deadlineExtensionWithdrawnEmail(input: {
  establishment: string;
  establishmentId: string;
  wave: string;
  previousClosesAt: Date;
  waveClosesAt: Date;
  /** When the establishment's dossier on the wave was deposited, or null. */
  submittedAt: Date | null;
  now: Date;
}) {
  const waveClosesAt = formatParisDateTime(input.waveClosesAt);
  return {
    subject: `Prolongation retirée : date limite du ${waveClosesAt} – HospiConnect`,
    text: [
      "Bonjour,",
      "",
      `L'Agence du Numérique en Santé retire la prolongation accordée à « ${input.establishment} » pour « ${input.wave} » jusqu'au ${formatParisDateTime(input.previousClosesAt)}.`,
      `La date limite de dépôt de votre établissement redevient celle de la vague : ${waveClosesAt} (heure de Paris).`,
      ...(input.submittedAt
        ? [`Votre dossier, déposé le ${formatParisDateTime(input.submittedAt)} (heure de Paris), n'est pas concerné.`]
        : isPastClosing(input.now, input.waveClosesAt)
          ? ["Cette date est passée : le dossier ne peut plus être déposé."]
          : []),
      "",
      establishmentUrl(input.establishmentId),
      "",
      SIGNATURE,
    ].join("\n"),
  };
}
