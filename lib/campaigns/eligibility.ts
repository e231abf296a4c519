import { formatParisDateTime } from "@/lib/time/paris";
import { effectiveClosingTime, isPastClosing } from "./deadline";

export type Ineligibility = "CATEGORY_EXCLUDED" | "NOT_OPEN_YET" | "CLOSED";

export type EligibilityVerdict =
  | { eligible: true; closesAt: Date; extended: boolean }
  | { eligible: false; reason: Ineligibility; message: string; closesAt: Date; extended: boolean };

export type EligibilityFacts = {
  wave: { opensAt: Date; closesAt: Date; eligibleCategoryCodes: readonly string[] };
  category: { code: string; label: string };
  /** The establishment's extension for this wave, if it was granted one. */
  extension?: { closesAt: Date } | null;
  /** The server's clock: never the browser's. */
  now: Date;
};

/**
 * Whether an establishment may start a dossier on a wave now, and if not, why, in French. The
 * category comes first: an excluded establishment is told so even before the wave opens, since
 * waiting would not help.
 */
export function screenEligibility({ wave, category, extension, now }: EligibilityFacts): EligibilityVerdict {
  const closesAt = effectiveClosingTime(wave, extension);
  const extended = closesAt > wave.closesAt;
  const refuse = (reason: Ineligibility, message: string) => ({ eligible: false as const, reason, message, closesAt, extended });
  if (!wave.eligibleCategoryCodes.includes(category.code)) {
    return refuse(
      "CATEGORY_EXCLUDED",
      `Cette vague n'est pas ouverte aux établissements de la catégorie « ${category.label} » (code FINESS ${category.code}) : seules les catégories retenues par l'appel à projets peuvent y déposer un dossier.`,
    );
  }
  if (now < wave.opensAt) {
    return refuse(
      "NOT_OPEN_YET",
      `Cette vague ouvrira le ${formatParisDateTime(wave.opensAt)} (heure de Paris) : vous pourrez commencer votre dossier à partir de ce moment.`,
    );
  }
  if (isPastClosing(now, closesAt)) {
    return refuse(
      "CLOSED",
      `Cette vague est close depuis le ${formatParisDateTime(closesAt)} (heure de Paris) : il n'est plus possible d'y commencer un dossier.`,
    );
  }
  return { eligible: true, closesAt, extended };
}
