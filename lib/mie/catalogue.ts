import type { IdentityVerification, MieType } from "@/lib/db/generated/enums";

/**
 * The MIE catalogue (moyens d'identification électronique), from
 * docs/domain/mie-and-compliance.md. One place: the compliance rules, the forms and the
 * labels all read this table, so a new reading of the regulation is a change of data here.
 */
export type EidasLevel = "FAIBLE" | "SUBSTANTIEL" | "ELEVE";

/** How an MIE comes to count for the RIE. */
export type MieGovernance =
  /** Provided by the administration or PSC: compliant without homologation. */
  | "STATE"
  /** A local MIE: compliant only once the establishment has homologated it. */
  | "ESTABLISHMENT";

export type MieDefinition = {
  type: MieType;
  label: string;
  /** For tables and badges. */
  shortLabel: string;
  factors: 1 | 2;
  /** Level when the MIE counts (for local MIE: once homologated). */
  eidasLevel: EidasLevel;
  governance: MieGovernance;
  /** Reaches Pro Santé Connect directly (CPS, e-CPS, FIDO2 enrolled in PSC). */
  pscDirect: boolean;
  /** Reaches PSC through the establishment's identity provider once it is federated. */
  pscThroughFederatedIdp: boolean;
  /**
   * A two-factor MIE accepted only before the RIE deadline, whatever the homologation (a *MIE de
   * transition*). A one-factor MIE is never one: it never counts (`factors` says so), and was only
   * tolerated for access from inside the establishment until the deadline.
   */
  transitionOnly: boolean;
  /**
   * In force only for a professional registered in RPPS: the e-CPS is issued with the RPPS number,
   * and a FIDO2 key is enrolled in PSC once validated by e-CPS. Not the CPS: CPE / CPF staff cards
   * exist without an RPPS number.
   */
  needsRpps: boolean;
  /** Grammatical gender of `shortLabel` and `label`, so a message can agree with them (« e-CPS expirée »). */
  gender: "f" | "m";
};

export const MIE_CATALOGUE: Readonly<Record<MieType, MieDefinition>> = {
  CPS: {
    type: "CPS",
    shortLabel: "CPS",
    label: "Carte CPS (ou CPE / CPF) avec code PIN",
    factors: 2,
    eidasLevel: "ELEVE",
    governance: "STATE",
    pscDirect: true,
    pscThroughFederatedIdp: false,
    transitionOnly: false,
    needsRpps: false,
    gender: "f",
  },
  E_CPS: {
    type: "E_CPS",
    shortLabel: "e-CPS",
    label: "Application e-CPS",
    factors: 2,
    eidasLevel: "SUBSTANTIEL",
    governance: "STATE",
    pscDirect: true,
    pscThroughFederatedIdp: false,
    transitionOnly: false,
    needsRpps: true,
    gender: "f",
  },
  APCV: {
    type: "APCV",
    shortLabel: "ApCV",
    label: "Application carte Vitale",
    factors: 2,
    eidasLevel: "SUBSTANTIEL",
    governance: "STATE",
    pscDirect: false,
    pscThroughFederatedIdp: false,
    transitionOnly: false,
    needsRpps: false,
    gender: "f",
  },
  FIDO2_PSC: {
    type: "FIDO2_PSC",
    shortLabel: "Clé FIDO2 (PSC)",
    label: "Clé de sécurité FIDO2 enrôlée dans Pro Santé Connect",
    factors: 2,
    eidasLevel: "SUBSTANTIEL",
    governance: "STATE",
    pscDirect: true,
    pscThroughFederatedIdp: false,
    transitionOnly: false,
    needsRpps: true,
    gender: "f",
  },
  FIDO2_LOCAL: {
    type: "FIDO2_LOCAL",
    shortLabel: "Clé FIDO2 locale",
    label: "Clé de sécurité FIDO2 de l'établissement",
    factors: 2,
    eidasLevel: "SUBSTANTIEL",
    governance: "ESTABLISHMENT",
    pscDirect: false,
    pscThroughFederatedIdp: true,
    transitionOnly: false,
    needsRpps: false,
    gender: "f",
  },
  PLATFORM_AUTH: {
    type: "PLATFORM_AUTH",
    shortLabel: "Windows Hello / biométrie",
    label: "Authentificateur intégré (Windows Hello, Android, iOS / macOS)",
    factors: 2,
    eidasLevel: "SUBSTANTIEL",
    governance: "ESTABLISHMENT",
    pscDirect: false,
    pscThroughFederatedIdp: true,
    transitionOnly: false,
    needsRpps: false,
    gender: "m",
  },
  SMART_CARD_LOCAL: {
    type: "SMART_CARD_LOCAL",
    shortLabel: "Carte à puce locale",
    label: "Carte à puce ou certificat de l'établissement avec code PIN",
    factors: 2,
    eidasLevel: "SUBSTANTIEL",
    governance: "ESTABLISHMENT",
    pscDirect: false,
    pscThroughFederatedIdp: true,
    transitionOnly: false,
    needsRpps: false,
    gender: "f",
  },
  TOTP_APP: {
    type: "TOTP_APP",
    shortLabel: "Application OTP",
    label: "Application d'authentification (code à usage unique + PIN ou biométrie)",
    factors: 2,
    eidasLevel: "SUBSTANTIEL",
    governance: "ESTABLISHMENT",
    pscDirect: false,
    pscThroughFederatedIdp: true,
    transitionOnly: false,
    needsRpps: false,
    gender: "f",
  },
  OTP_SMS_EMAIL: {
    type: "OTP_SMS_EMAIL",
    shortLabel: "Code SMS / courriel",
    label: "Mot de passe + code reçu par SMS ou courriel",
    factors: 2,
    eidasLevel: "FAIBLE",
    governance: "ESTABLISHMENT",
    pscDirect: false,
    pscThroughFederatedIdp: false,
    transitionOnly: true,
    needsRpps: false,
    gender: "m",
  },
  PASSWORD: {
    type: "PASSWORD",
    shortLabel: "Mot de passe",
    label: "Mot de passe seul",
    factors: 1,
    eidasLevel: "FAIBLE",
    governance: "ESTABLISHMENT",
    pscDirect: false,
    pscThroughFederatedIdp: false,
    transitionOnly: false,
    needsRpps: false,
    gender: "m",
  },
};

export const MIE_TYPES = Object.keys(MIE_CATALOGUE) as MieType[];

/**
 * Whether an establishment's homologation can make this MIE count: a local two-factor MIE that is
 * not a transition MIE. (The homologation form offers these, and only these count once homologated.)
 */
export function isHomologable(definition: MieDefinition): boolean {
  return definition.governance === "ESTABLISHMENT" && definition.factors === 2 && !definition.transitionOnly;
}

export const EIDAS_LEVEL_LABELS: Readonly<Record<EidasLevel, string>> = {
  FAIBLE: "faible",
  SUBSTANTIEL: "substantiel",
  ELEVE: "élevé",
};

/** From this day, transition MIE no longer count (arrêté du 28 mars 2022, RIE). */
export const RIE_DEADLINE = "2026-01-01";

/** Order of the eIDAS levels, to compare a level with a threshold. */
const EIDAS_RANK: Readonly<Record<EidasLevel, number>> = { FAIBLE: 1, SUBSTANTIEL: 2, ELEVE: 3 };

/** Whether `level` reaches `threshold` (null, no level at all, never does). */
export function meetsEidasLevel(level: EidasLevel | null, threshold: EidasLevel): boolean {
  return level !== null && EIDAS_RANK[level] >= EIDAS_RANK[threshold];
}

export type IdentityVerificationDefinition = {
  label: string;
  /** eIDAS level of the identity proofing; null when the identity was not checked. */
  eidasLevel: EidasLevel | null;
};

/**
 * Identity-proofing methods and the eIDAS level each reaches (ANS workshop slides, « preuve et
 * vérification d'identité »). Objective 1 asks for « substantiel » or above.
 */
export const IDENTITY_VERIFICATION_CATALOGUE: Readonly<Record<IdentityVerification, IdentityVerificationDefinition>> = {
  NONE: { label: "Aucune", eidasLevel: null },
  REMOTE_ID_SCAN: { label: "Scan d'une pièce d'identité à distance", eidasLevel: "FAIBLE" },
  PVID_SUBSTANTIAL: { label: "Vérification vidéo à distance (PVID substantiel)", eidasLevel: "SUBSTANTIEL" },
  FRANCECONNECT_PLUS: { label: "FranceConnect+", eidasLevel: "SUBSTANTIEL" },
  FACE_TO_FACE: { label: "Pièce d'identité contrôlée en face à face", eidasLevel: "ELEVE" },
  CNIE_CHIP: { label: "Lecture de la puce de la carte d'identité (CNIe)", eidasLevel: "ELEVE" },
};
