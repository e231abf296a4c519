import { followUpUrl } from "./follow-up-links";
import { SIGNATURE } from "./signature";

/**
 * To each member of the establishment: the declared results are validated (the balance becomes
 * due) or refused, with each refused objective, by its code and title, and its reason.
 */
export function verificationConcludedEmail(input: {
  establishment: string;
  applicationId: string;
  outcome: "VALIDATED" | "REFUSED";
  by: "ARS" | "ANS";
  refusals: ReadonlyArray<{ objectiveCode: string; title: string; reason: string }>;
}) {
  const validated = input.outcome === "VALIDATED";
  return {
    subject: validated ? "Résultats validés par l'ANS – HospiConnect" : "Résultats refusés – HospiConnect",
    text: [
      "Bonjour,",
      "",
      validated
        ? `L'ANS valide les résultats déclarés par « ${input.establishment} » : le solde de la subvention devient exigible.`
        : `${input.by === "ARS" ? "L'ARS" : "L'ANS"} refuse les résultats déclarés par « ${input.establishment} ».`,
      ...(input.refusals.length > 0
        ? [
            "",
            "Objectifs refusés :",
            ...input.refusals.map(
              (refusal) => `- ${refusal.objectiveCode}${refusal.title ? ` (${refusal.title})` : ""} : ${refusal.reason}`,
            ),
          ]
        : []),
      "",
      followUpUrl(input.applicationId),
      "",
      SIGNATURE,
    ].join("\n"),
  };
}
