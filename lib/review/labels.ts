import type { ConflictType, ReviewTier } from "@/lib/db/generated/enums";

/** French words of the review, shared by pages, e-mails and exports. */
export const TIER_LABELS: Readonly<Record<ReviewTier, string>> = {
  REGIONAL: "Régional (ARS)",
  NATIONAL: "National (ANS)",
};

/** After « niveau » in a sentence or a title: « Niveau régional (ARS) ». */
export const TIER_ADJECTIVES: Readonly<Record<ReviewTier, string>> = {
  REGIONAL: "régional (ARS)",
  NATIONAL: "national (ANS)",
};

/** Lower case, for sentences: « au niveau régional ». */
export const TIER_PHRASES: Readonly<Record<ReviewTier, string>> = {
  REGIONAL: "au niveau régional (ARS)",
  NATIONAL: "au niveau national (ANS)",
};

export const CONFLICT_TYPE_LABELS: Readonly<Record<ConflictType, string>> = {
  EMPLOYMENT: "J'exerce ou j'ai exercé, depuis moins de 3 ans, pour l'établissement ou son entité juridique (EJ)",
  PERSONAL_TIE: "J'ai un lien personnel ou familial avec un membre de l'établissement",
  FINANCIAL_INTEREST: "J'ai un intérêt financier lié à l'établissement ou au projet",
  PARTNER_TIE: "J'ai un lien avec un partenaire technologique du dossier",
  OTHER: "Autre lien d'intérêts",
};

/** Short, for tables and e-mails. */
export const CONFLICT_TYPE_SHORT: Readonly<Record<ConflictType, string>> = {
  EMPLOYMENT: "emploi dans l'établissement ou son entité juridique",
  PERSONAL_TIE: "lien personnel ou familial",
  FINANCIAL_INTEREST: "intérêt financier",
  PARTNER_TIE: "lien avec un partenaire technologique",
  OTHER: "autre lien d'intérêts",
};

/** Why a national review waits (tier-completion.ts, `awaitsEarlierTier`): the refusal and the workspace's notice. */
export const AWAITING_REGIONAL_TIER =
  "Les évaluations régionales (ARS) de ce dossier ne sont pas toutes transmises : votre évaluation reste enregistrée et pourra être transmise ensuite.";

/** A review not late while the dossier waits for the information asked of the establishment (`reviewDeadline`). */
export const AWAITING_INFORMATION_LABEL = "En attente du complément de l'établissement";
