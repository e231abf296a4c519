/**
 * French labels of the roster's enumerations, as the interface and the file template show them.
 * (Identity-verification methods and MIE types have theirs in `@/lib/mie/catalogue`.)
 *
 * Public API: `POPULATION_LABELS`, `RPPS_STATUS_LABELS`, `CATEGORY_LABELS`.
 */
import type { Population, ProfessionalCategory, RppsStatus } from "@/lib/db/generated/enums";

export const POPULATION_LABELS: Readonly<Record<Population, string>> = {
  SALARIED: "Salarié",
  SELF_EMPLOYED: "Libéral / indépendant",
  INTERN: "Interne",
  TEMPORARY: "Intérimaire",
  TRAINEE: "Stagiaire",
};

export const RPPS_STATUS_LABELS: Readonly<Record<RppsStatus, string>> = {
  NOT_REGISTERED: "Non enregistré",
  REQUESTED: "Demande déposée",
  REGISTERED: "Enregistré",
};

/** The directory's professional categories (C, E, M). */
export const CATEGORY_LABELS: Readonly<Record<ProfessionalCategory, string>> = {
  CIVIL: "Civil",
  STUDENT: "Étudiant",
  PUBLIC_AGENT: "Agent public",
};
