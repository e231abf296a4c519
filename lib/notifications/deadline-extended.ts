import { formatParisDateTime } from "@/lib/time/paris";
import { establishmentUrl } from "./dossier-links";
import { SIGNATURE } from "./signature";

/**
 * To each member of an establishment: a programme manager gave it a later closing time on a wave,
 * or moved the one it had. Brought forward (`previousClosesAt` later than `closesAt`), the message
 * says the establishment has less time, never « prolongation accordée ».
 */
export function deadlineExtendedEmail(input: {
  establishment: string;
  establishmentId: string;
  wave: string;
  closesAt: Date;
  previousClosesAt?: Date | null;
  reason: string;
}) {
  const previous = input.previousClosesAt ?? null;
  const shortened = previous !== null && input.closesAt < previous;
  const closesAt = formatParisDateTime(input.closesAt);
  return {
    subject: shortened
      ? `Délai supplémentaire raccourci au ${closesAt} – HospiConnect`
      : `Prolongation accordée jusqu'au ${closesAt} – HospiConnect`,
    text: [
      "Bonjour,",
      "",
      previous !== null && shortened
        ? `L'Agence du Numérique en Santé avance la date limite accordée à « ${input.establishment} » pour « ${input.wave} » : elle était le ${formatParisDateTime(previous)}, elle est désormais le ${closesAt}. Votre délai est raccourci.`
        : `L'Agence du Numérique en Santé accorde à « ${input.establishment} » une prolongation pour « ${input.wave} ».`,
      `Nouvelle date limite de dépôt pour votre établissement : ${closesAt} (heure de Paris).`,
      `Motif : ${input.reason}`,
      "",
      establishmentUrl(input.establishmentId),
      "",
      SIGNATURE,
    ].join("\n"),
  };
}
