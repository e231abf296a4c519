import { formatParisDateTime } from "@/lib/time/paris";
import { SIGNATURE } from "./signature";

/**
 * Tells the account's owner that a recovery link was used: if it was not them, their account is
 * someone else's now, and they are told whom to warn (staff have no establishment's direction).
 */
export function accessRecoveredEmail({ at, removedKeys, staff }: { at: Date; removedKeys: number; staff: boolean }): {
  subject: string;
  text: string;
} {
  return {
    subject: "Votre accès à HospiConnect a été rétabli",
    text: [
      "Bonjour,",
      "",
      `Le ${formatParisDateTime(at)} (heure de Paris), une nouvelle clé d'accès a été enregistrée sur votre compte HospiConnect par le lien de rétablissement qui vous a été envoyé.`,
      removedKeys === 0
        ? "Votre compte n'avait pas d'autre clé ; vos sessions ouvertes ont été fermées."
        : `${removedKeys === 1 ? "Votre ancienne clé a été retirée" : `Vos ${removedKeys} anciennes clés ont été retirées`} et vos sessions ouvertes fermées.`,
      "",
      `Si ce n'est pas vous, prévenez sans attendre ${staff ? "l'équipe HospiConnect de l'ANS" : "la direction de votre établissement ou l'équipe HospiConnect de l'ANS"} : quelqu'un a pris la main sur votre compte.`,
      "",
      SIGNATURE,
    ].join("\n"),
  };
}
