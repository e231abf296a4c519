import { formatInteger } from "@/lib/format/numbers";

/**
 * What the manager reads once the review settings are saved: whether anything changed, and how
 * many dossiers the change completed (fewer reviewers per dossier, a tier taken off), which left
 * review for « Évalué » and the decisions board at once.
 */
export function reviewSettingsOutcome(result: { changed: readonly string[]; scored: readonly string[] }): string {
  if (result.changed.length === 0) return "Aucun changement.";
  const count = result.scored.length;
  if (count === 0) return "Paramètres de l'instruction enregistrés.";
  return count === 1
    ? "Paramètres de l'instruction enregistrés. Un dossier dont les évaluations sont désormais complètes passe « Évalué »."
    : `Paramètres de l'instruction enregistrés. ${formatInteger(count)} dossiers dont les évaluations sont désormais complètes passent « Évalué ».`;
}
