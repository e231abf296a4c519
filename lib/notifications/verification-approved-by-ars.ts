import { followUpUrl } from "./follow-up-links";
import { SIGNATURE } from "./signature";

/** To each member of the establishment: the ARS approved the declared results; the ANS validates next. */
export function verificationApprovedByArsEmail(input: { establishment: string; applicationId: string }) {
  return {
    subject: "Résultats approuvés par l'ARS – HospiConnect",
    text: [
      "Bonjour,",
      "",
      `L'ARS a vérifié et approuvé chaque objectif de la déclaration de résultats de « ${input.establishment} ».`,
      "La déclaration est transmise à l'ANS pour validation.",
      "",
      followUpUrl(input.applicationId),
      "",
      SIGNATURE,
    ].join("\n"),
  };
}
