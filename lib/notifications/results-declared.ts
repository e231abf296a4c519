import { formatParisDateTime } from "@/lib/time/paris";
import { followUpUrl } from "./follow-up-links";
import { SIGNATURE } from "./signature";

/** To the director who declared: the declaration is received, and who checks it next, by when. */
export function resultsDeclaredEmail(input: {
  establishment: string;
  applicationId: string;
  declaredAt: Date;
  pdfHash: string;
  nextTier: "ARS" | "ANS";
  dueAt: Date;
}) {
  const next = input.nextTier === "ARS" ? "l'ARS de votre région, puis validée par l'ANS" : "l'ANS";
  return {
    subject: "Déclaration de résultats reçue – HospiConnect",
    text: [
      "Bonjour,",
      "",
      `La déclaration de résultats de « ${input.establishment} » est enregistrée le ${formatParisDateTime(input.declaredAt)} (heure de Paris).`,
      `Empreinte (SHA-256) de la déclaration : ${input.pdfHash}`,
      `Elle est maintenant vérifiée par ${next} ; réponse attendue au plus tard le ${formatParisDateTime(input.dueAt)} (heure de Paris).`,
      "",
      followUpUrl(input.applicationId),
      "",
      SIGNATURE,
    ].join("\n"),
  };
}
