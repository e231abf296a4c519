import type { ReviewTier } from "@/lib/db/generated/enums";
import { TIER_PHRASES } from "@/lib/review/labels";
import { formatParisDateTime } from "@/lib/time/paris";
import { reviewQueueUrl } from "./review-links";
import { SIGNATURE } from "./signature";

/** Listed by name in the e-mail; more are summed up. */
const LISTED = 15;

/** To a reviewer: dossiers were assigned to them (one e-mail per assignment operation). */
export function reviewAssignedEmail(input: { wave: string; tier: ReviewTier; establishments: readonly string[]; dueAt: Date | null }) {
  const count = input.establishments.length;
  const listed = input.establishments.slice(0, LISTED).map((name) => `- ${name}`);
  return {
    subject: count === 1 ? "HospiConnect : un dossier vous est attribué" : `HospiConnect : ${count} dossiers vous sont attribués`,
    text: [
      "Bonjour,",
      "",
      `${count === 1 ? "Un dossier vous est attribué" : `${count} dossiers vous sont attribués`} pour « ${input.wave} », ${TIER_PHRASES[input.tier]} :`,
      ...listed,
      ...(count > LISTED ? [`- et ${count - LISTED} autre(s)`] : []),
      "",
      input.dueAt
        ? `Évaluation attendue avant le ${formatParisDateTime(input.dueAt)} (heure de Paris).`
        : "La date limite d'évaluation vous sera communiquée.",
      "Avant de lire un dossier, déclarez vos liens d'intérêts : en cas de conflit, le dossier sera confié à quelqu'un d'autre.",
      reviewQueueUrl(),
      "",
      SIGNATURE,
    ].join("\n"),
  };
}
