import { formatParisDateTime } from "@/lib/time/paris";
import { SIGNATURE } from "./signature";
import { capitalize } from "@/lib/format/capitalize";

/**
 * The link a person who lost their keys gets from someone who answers for them (ADR 0034). It says
 * what using it does to the keys they have, and what to do if they asked for nothing: someone may be
 * trying to take their account.
 */
/** `issuedBy`: « Claire Dumont (ANS) », « l'équipe HospiConnect » (the command line). */
export function accessRecoveryEmail({ link, expiresAt, issuedBy }: { link: string; expiresAt: Date; issuedBy: string }): {
  subject: string;
  text: string;
} {
  return {
    subject: "Rétablir votre accès à HospiConnect",
    text: [
      "Bonjour,",
      "",
      `${capitalize(issuedBy)} vous envoie un lien pour rétablir votre accès à la plateforme des appels à projets HospiConnect, à la suite de la perte de votre clé d'accès.`,
      "",
      `Ouvrez ce lien avant le ${formatParisDateTime(expiresAt)} (heure de Paris) pour enregistrer une nouvelle clé d'accès (passkey ou clé de sécurité FIDO2) :`,
      link,
      "",
      "Ce lien ne peut servir qu'une fois. En l'utilisant, vous retirez de votre compte toutes vos clés actuelles et fermez vos sessions ouvertes : une clé perdue ne pourra plus servir.",
      "",
      `Si vous n'avez rien demandé, n'ouvrez pas ce lien et prévenez ${issuedBy} : quelqu'un cherche peut-être à accéder à votre compte.`,
      "",
      SIGNATURE,
    ].join("\n"),
  };
}
