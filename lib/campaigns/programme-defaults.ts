/**
 * The objectives and scoring grid that a new wave starts from, as the programme states them
 * (docs/domain/programme.md). Each wave keeps its own copy, which programme managers edit (once
 * the wave has opened or a dossier holds it, an edit makes a new version: ADR 0005).
 */
export type ObjectiveTemplate = {
  code: string;
  title: string;
  description: string;
  required: boolean;
};

export const DEFAULT_OBJECTIVES: readonly ObjectiveTemplate[] = [
  {
    code: "O1",
    title: "Enregistrement et identité de l'ensemble des professionnels",
    description:
      "Vérification d'identité conforme au niveau substantiel eIDAS (contrôle en face à face d'une pièce d'identité ou utilisation d'un MIE conforme lors d'une procédure à distance, par exemple FranceConnect+) ; procédure en vigueur de contrôle et de mise à jour des habilitations (profession, catégorie professionnelle, diplôme…) et de gestion des débuts et fins d'activité au sein de l'établissement.",
    required: true,
  },
  {
    code: "O2",
    title: "Authentification à double facteur de tous les professionnels",
    description:
      "Pour les professionnels susceptibles d'accéder à des services numériques sensibles externes au SI de l'établissement, dont le DMP, se connectant au DPI / DUI, ou susceptibles d'utiliser des MIE compatibles avec Pro Santé Connect (carte CPS, e-CPS, clé FIDO autorisée par Pro Santé Connect, MIE de niveau substantiel). L'accès au DMP peut passer par Pro Santé Connect ou AIR simplifié.",
    required: true,
  },
  {
    code: "O3",
    title: "Authentification 2FA sur un composant IAM / web-SSO interne",
    description:
      "Délégation de l'authentification, a minima du DPI / DUI, à un composant d'authentification interne à la structure au moyen d'un connecteur OIDC.",
    required: false,
  },
  {
    code: "O4",
    title: "Fédération d'identités avec Pro Santé Connect",
    description:
      "Mise en place et déploiement de la fédération d'identités entre le composant d'authentification interne à la structure et Pro Santé Connect (fournisseur d'identité tiers).",
    required: false,
  },
];

export type CriterionTemplate = {
  code: string;
  label: string;
  description: string;
  weight: number;
  scaleMin: number;
  scaleMax: number;
  required: boolean;
};

/** HospiConnect's grid is not published: this is the starting point managers adjust per wave. */
export const DEFAULT_CRITERIA: readonly CriterionTemplate[] = [
  {
    code: "C1",
    label: "Couverture des objectifs obligatoires",
    description: "Le projet atteint l'enregistrement, la vérification d'identité et le 2FA de tous les professionnels concernés.",
    weight: 30,
    scaleMin: 0,
    scaleMax: 5,
    required: true,
  },
  {
    code: "C2",
    label: "Pertinence de la stratégie MIE par population",
    description: "Les MIE retenus sont adaptés à chaque population (salariés, libéraux, internes, intérimaires, stagiaires) et aux usages.",
    weight: 20,
    scaleMin: 0,
    scaleMax: 5,
    required: true,
  },
  {
    code: "C3",
    label: "Maturité du plan IAM / SSO et de la fédération PSC",
    description: "Connecteur OIDC du DPI / DUI, trajectoire vers le statut de fournisseur d'identité tiers.",
    weight: 15,
    scaleMin: 0,
    scaleMax: 5,
    required: false,
  },
  {
    code: "C4",
    label: "Réalisme du calendrier et de la gouvernance",
    description: "Jalons datés, partenaires identifiés, pilotage et conduite du changement.",
    weight: 15,
    scaleMin: 0,
    scaleMax: 5,
    required: true,
  },
  {
    code: "C5",
    label: "Efficience du budget demandé",
    description: "Coût par professionnel équipé, cohérence des postes de dépense.",
    weight: 20,
    scaleMin: 0,
    scaleMax: 5,
    required: true,
  },
];

/** Which objectives each default criterion judges (reviewers see their self-assessment beside it). */
export const DEFAULT_CRITERION_OBJECTIVES: Readonly<Record<string, readonly string[]>> = {
  C1: ["O1", "O2"],
  C2: ["O2"],
  C3: ["O3", "O4"],
};
