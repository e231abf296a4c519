import type { ConflictType, ReviewTier } from "@/lib/db/generated/enums";
import { CONFLICT_TYPE_SHORT, TIER_PHRASES } from "@/lib/review/labels";
import { assignmentPageUrl } from "./review-links";
import { SIGNATURE } from "./signature";

/**
 * To the programme managers: a reviewer declared a conflict, the dossier needs another reviewer.
 * The manager judges the tie from what the reviewer wrote (mandatory for « Autre ») and the
 * partner's SIRET, so both are in it; the text is quoted line by line, a plain-text e-mail.
 */
export function conflictDeclaredEmail(input: {
  reviewer: string;
  establishment: string;
  finess: string;
  wave: string;
  waveId: string;
  tier: ReviewTier;
  type: ConflictType;
  partnerSiret: string | null;
  details: string;
}) {
  const details = input.details.trim();
  return {
    subject: `Conflit d'intérêts déclaré : le dossier de « ${input.establishment} » attend un instructeur`,
    text: [
      "Bonjour,",
      "",
      `${input.reviewer} a déclaré un conflit d'intérêts (${CONFLICT_TYPE_SHORT[input.type]}) sur le dossier de « ${input.establishment} » (FINESS ${input.finess}), ${input.wave}, ${TIER_PHRASES[input.tier]}.`,
      ...(input.partnerSiret ? [`SIRET du partenaire : ${input.partnerSiret}`] : []),
      ...(details ? ["Précisions de l'instructeur :", ...details.split(/\r?\n/).map((line) => `> ${line}`)] : []),
      "L'attribution a pris fin : cette personne n'a plus accès au dossier, qui a besoin d'un autre instructeur.",
      "",
      `Attribuer un instructeur : ${assignmentPageUrl(input.waveId)}`,
      "",
      SIGNATURE,
    ].join("\n"),
  };
}
