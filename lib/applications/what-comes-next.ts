import type { ReviewTiers } from "@/lib/db/generated/enums";

/**
 * What happens to a deposited dossier until its decision, as its establishment reads it on the
 * dossier's page and in the receipt e-mail: one text for both.
 */
export function whatComesNext(reviewTiers: ReviewTiers): string {
  const review =
    reviewTiers === "REGIONAL_THEN_NATIONAL"
      ? "Votre dossier est maintenant instruit par l'ARS de votre région, puis par l'ANS."
      : "Votre dossier est maintenant instruit par l'ANS.";
  return `${review} Si l'instruction a besoin d'un complément, vous serez prévenu par courriel et répondrez depuis la page du dossier. La décision vous sera notifiée par courriel, avec sa lettre, quand les résultats de la vague seront publiés. Pour toute question, écrivez à l'équipe du programme depuis les messages du dossier.`;
}
