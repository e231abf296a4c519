import { formatParisDateTime } from "@/lib/time/paris";
import { followUpUrl } from "./follow-up-links";
import { SIGNATURE } from "./signature";

/** To each member of the establishment: a tier asks for more information on the declared results. */
export function verificationInformationRequestedEmail(input: {
  establishment: string;
  applicationId: string;
  tier: "ARS" | "ANS";
  message: string;
  responseDueAt: Date;
}) {
  return {
    subject: "Complément demandé sur votre déclaration de résultats – HospiConnect",
    text: [
      "Bonjour,",
      "",
      `${input.tier === "ARS" ? "L'ARS" : "L'ANS"} demande un complément sur la déclaration de résultats de « ${input.establishment} » :`,
      "",
      input.message,
      "",
      `Merci de répondre avant le ${formatParisDateTime(input.responseDueAt)} (heure de Paris), depuis la page de suivi du dossier :`,
      followUpUrl(input.applicationId),
      "",
      SIGNATURE,
    ].join("\n"),
  };
}
