import { formatEurosAndCents } from "@/lib/format/numbers";
import { followUpUrl } from "./follow-up-links";
import { SIGNATURE } from "./signature";

/**
 * To each member of the establishment: the declared results are validated or refused, with what it
 * means for the grant's balance, by its amount (due on validation, cancelled on refusal: ADR 0021),
 * and each refused objective, by its code and title, and its reason.
 */
export function verificationConcludedEmail(input: {
  establishment: string;
  applicationId: string;
  outcome: "VALIDATED" | "REFUSED";
  by: "ARS" | "ANS";
  refusals: ReadonlyArray<{ objectiveCode: string; title: string; reason: string }>;
  /** The balance this conclusion made due or cancelled; null for a grant without one (paid in one go at selection). */
  balanceCents: bigint | null;
}) {
  const validated = input.outcome === "VALIDATED";
  const verdict = validated ? "L'ANS valide" : `${input.by === "ARS" ? "L'ARS" : "L'ANS"} refuse`;
  const consequence =
    input.balanceCents === null
      ? ""
      : ` : le solde de la subvention, ${formatEurosAndCents(input.balanceCents)}, ${validated ? "devient exigible" : "est annulé et ne sera pas versé"}`;
  return {
    subject: validated ? "Résultats validés par l'ANS – HospiConnect" : "Résultats refusés – HospiConnect",
    text: [
      "Bonjour,",
      "",
      `${verdict} les résultats déclarés par « ${input.establishment} »${consequence}.`,
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
