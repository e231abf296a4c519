import type { ReviewTier } from "@/lib/db/generated/enums";
import { formatEuros } from "@/lib/format/numbers";

/**
 * What the verifiers of a tier read above their decision's form: the ARS's approval passes the
 * declaration on to the ANS; the ANS's validates the results and makes the balance due, written as
 * the payment pages write amounts.
 */
export function decisionGuidance(tier: ReviewTier, balanceCents: bigint | null): string {
  if (tier === "REGIONAL")
    return "Approuvez chaque objectif pour transmettre la déclaration à l'ANS ; un objectif refusé refuse la déclaration.";
  const balance = balanceCents === null ? "" : ` : le solde de la subvention, ${formatEuros(balanceCents)}, devient exigible`;
  return `Approuvez chaque objectif pour valider les résultats${balance} ; un objectif refusé refuse la déclaration.`;
}
