import { SECTION_LABELS } from "@/lib/applications/labels";
import { STATE_LABELS } from "@/lib/applications/state-machine";
import { FROZEN_BECAUSE_LABELS } from "@/lib/campaigns/grid-versioning";
import { WAVE_KIND_LABELS } from "@/lib/campaigns/labels";
import { DASHBOARD_TABLE_CAPTIONS } from "@/lib/dashboard/tables";
import { MAP_FIGURES } from "@/lib/dashboard/map-figures";
import { OUTCOME_LABELS } from "@/lib/decisions/labels";
import { REGIONS } from "@/lib/establishments/territories";
import { FOLLOW_UP_STAGE_LABELS } from "@/lib/follow-up/follow-up-stage";
import { TRANCHE_LABELS, TRANCHE_STATUS_LABELS } from "@/lib/follow-up/tranches";
import { formatDecimal, formatEuros, formatInteger } from "@/lib/format/numbers";
import { AUTH_METHOD_LABELS } from "@/lib/identity/auth-method-labels";
import { SIGN_IN_REFUSAL_LABELS } from "@/lib/identity/sign-in-refusals";
import { STAFF_ROLE_LABELS } from "@/lib/identity/staff-role-labels";
import { MIE_CATALOGUE } from "@/lib/mie/catalogue";
import { BULK_ACTION_LABELS } from "@/lib/roster/labels";
import { CONFLICT_TYPE_SHORT, TIER_LABELS } from "@/lib/review/labels";
import { formatCalendarDate, formatParisDateTime } from "@/lib/time/paris";

/**
 * An audit event's details as the managers who read the log understand them: each stored key in
 * French, amounts in euros, instants in Paris time, codes of the programme by their label. What
 * is stored does not change (it stays the evidence, and the API's); a key or a code without a
 * label shows as is rather than being hidden.
 */
const KEY_LABELS: Readonly<Record<string, string>> = {
  achieved: "Atteint",
  action: "Action",
  advanceSharePercent: "Part de l'avance (%)",
  affiliations: "Liens déclarés",
  amountCents: "Montant",
  amountGrantedCents: "Montant accordé",
  applicationId: "Dossier",
  approved: "Approuvé",
  assigned: "Attribués",
  assignmentId: "Attribution",
  attachmentId: "Pièce jointe",
  automatic: "Automatique",
  because: "Raison",
  campaignId: "Campagne",
  cancelledBecause: "Annulée car",
  caps: "Plafonds",
  carte: "Carte",
  categorie: "Catégorie",
  changes: "Modifications",
  closesAt: "Clôture",
  code: "Code",
  comment: "Commentaire",
  conflict: "Conflit d'intérêts",
  contentHash: "Empreinte du contenu",
  correctionsQueued: "Corrections envoyées",
  count: "Nombre",
  created: "Ajoutés",
  criteria: "Critères",
  criteriaAdded: "Critères ajoutés",
  criteriaChanged: "Critères modifiés",
  criteriaRemoved: "Critères retirés",
  decidedAt: "Date de décision",
  decisionId: "Décision",
  decisionIds: "Décisions",
  declarationId: "Déclaration",
  defaultCap: "Plafond par défaut",
  description: "Description",
  details: "Précisions",
  device: "Appareil",
  deviceType: "Type de clé",
  dir: "Ordre",
  directorEmail: "Adresse de la direction invitée",
  done: "Faits",
  dossiersKeepingPrevious: "Dossiers gardant la version précédente",
  dueDate: "Échéance",
  durationMs: "Durée (ms)",
  eligibleCategoryCodes: "Catégories éligibles",
  email: "Adresse électronique",
  emailsWithdrawn: "Courriels retirés avant envoi",
  endedSessions: "Sessions fermées",
  entitlementProcedureAdoptedOn: "Procédure de gestion des habilitations en vigueur depuis le",
  envelopeCents: "Enveloppe",
  envelopeExceeded: "Enveloppe dépassée",
  envelopeOverrideReason: "Motif du dépassement de l'enveloppe",
  establishment: "Établissement",
  establishmentId: "Établissement",
  establishments: "Établissements",
  evidence: "Pièces justificatives",
  existingAccount: "Compte existant",
  expiresAt: "Expire le",
  fileName: "Fichier",
  files: "Fichiers",
  filters: "Filtres",
  finessEj: "FINESS EJ",
  finessEt: "FINESS ET",
  fingerprint: "Empreinte du plan",
  flags: "Liens signalés",
  format: "Format",
  from: "Avant",
  fundingEnvelopeCents: "Enveloppe",
  grantedCents: "Montant accordé",
  grantReason: "Motif de la prolongation retirée",
  importId: "Import",
  job: "Tâche",
  kind: "Type",
  label: "Libellé",
  letterSignatoryName: "Signataire des notifications",
  letterSignatoryTitle: "Qualité du signataire",
  lines: "Lignes",
  linksReplaced: "Liens précédents remplacés",
  message: "Message",
  messageId: "Message",
  method: "Méthode",
  missing: "Manquants",
  name: "Nom",
  nationalReviewDueAt: "Échéance nationale",
  newlyFlagged: "Dossiers attribués désormais signalés",
  objectiveCode: "Objectif",
  objectiveCodes: "Objectifs évalués",
  objectives: "Objectifs",
  objectivesAdded: "Objectifs ajoutés",
  objectivesChanged: "Objectifs modifiés",
  objectivesRemoved: "Objectifs retirés",
  opensAt: "Ouverture",
  operationId: "Opération",
  orderedOn: "Ordonnancée le",
  outcome: "Sens de la décision",
  overdue: "En retard",
  overrideReason: "Motif de la dérogation",
  page: "Page",
  paidOn: "Versée le",
  partnerSiret: "SIRET du partenaire",
  path: "Adresse",
  paymentReference: "Référence du versement",
  pdfHash: "Empreinte du PDF",
  precheckMet: "Pré-contrôle satisfait",
  previousClosesAt: "Clôture précédente",
  previousVersionNumber: "Version précédente",
  professionals: "Professionnels",
  purpose: "Objet",
  query: "Paramètres de la requête",
  queued: "Mise en file",
  rankingMode: "Note de classement",
  readings: "Relevés",
  reason: "Motif",
  receivedAt: "Dépôt reçu le",
  reference: "Référence",
  region: "Région",
  regionalRankingWeight: "Poids du niveau régional (%)",
  regionalReviewDueAt: "Échéance régionale",
  regionCodes: "Régions",
  regions: "Régions",
  rejected: "Lignes rejetées",
  rejection: "Refus",
  releasedAt: "Décision publiée le",
  removedKeys: "Clés retirées",
  replaced: "Remplace",
  required: "Obligatoire",
  responseDueAt: "Réponse attendue le",
  retryAfterSeconds: "Réessayer après (secondes)",
  reviewer: "Instructeur",
  reviewerId: "Identifiant de l'instructeur",
  reviewersAnonymous: "Instructeurs anonymes entre eux",
  reviewersPerDossier: "Instructeurs par dossier",
  reviewTiers: "Niveaux d'instruction",
  role: "Rôle",
  rows: "Lignes",
  rpps: "RPPS",
  scaleMax: "Note maximale",
  scaleMin: "Note minimale",
  scopes: "Droits",
  search: "Recherche",
  section: "Section",
  selected: "Retenus",
  sessions: "Sessions fermées",
  sessionsEnded: "Sessions fermées",
  sha256: "Empreinte du fichier (SHA-256)",
  shortened: "Délai raccourci",
  shortfalls: "Dossiers sans assez d'instructeurs",
  slug: "Identifiant",
  snapshotId: "Relevé du registre",
  sort: "Tri",
  spreadThreshold: "Seuil d'écart",
  staffRole: "Rôle",
  stage: "Étape",
  state: "État",
  status: "État",
  stepId: "Étape",
  storedCounter: "Compteur enregistré",
  superseded: "Invitations remplacées",
  table: "Tableau",
  targets: "Cibles",
  tier: "Niveau",
  title: "Titre",
  to: "Après",
  total: "Total",
  totalCents: "Montant total",
  type: "Type",
  unchanged: "Déjà à jour",
  updated: "Mis à jour",
  vague: "Vague",
  verdicts: "Avis par objectif",
  verification: "Vérification",
  wave: "Vague",
  verificationId: "Vérification",
  version: "Version",
  versionNumber: "Version de la grille",
  waitlisted: "En liste d'attente",
  waveClosesAt: "Clôture de la vague",
  waveId: "Vague",
  waveVersionNumber: "Version de la grille",
  weight: "Pondération",
  year: "Année",
};

/** Numbers that are not quantities: written without a thousands separator (« 2027 », not « 2 027 »). */
const PLAIN_NUMBERS = new Set(["year"]);

/** Codes whose meaning depends on the key they are stored under. */
const VALUE_LABELS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  format: { csv: "CSV", xlsx: "XLSX", pdf: "PDF" },
  dir: { asc: "croissant", desc: "décroissant" },
  // The lists' orders, as their « Trier par » and column headers say them.
  sort: {
    recent: "dernière modification",
    establishment: "établissement",
    state: "état",
    overdue: "vérifications en retard d'abord",
    region: "région",
    wave: "vague",
  },
  region: REGIONS,
  regionCodes: REGIONS,
  regions: REGIONS,
  stage: FOLLOW_UP_STAGE_LABELS,
  section: SECTION_LABELS,
  reason: SIGN_IN_REFUSAL_LABELS,
  // A declared conflict's type; a homologated or added local MIE's.
  type: { ...CONFLICT_TYPE_SHORT, ...Object.fromEntries(Object.values(MIE_CATALOGUE).map((mie) => [mie.type, mie.shortLabel])) },
  because: FROZEN_BECAUSE_LABELS,
  cancelledBecause: {
    "inviter-removed": "la personne qui l'avait envoyée a été retirée de l'équipe",
    "inviter-left": "la personne qui l'avait envoyée a quitté l'équipe",
    "inviter-demoted": "la personne qui l'avait envoyée n'est plus à la direction",
  },
  // The roster's bulk action (`roster.bulk_action`).
  action: BULK_ACTION_LABELS,
  table: DASHBOARD_TABLE_CAPTIONS,
  carte: Object.fromEntries(Object.entries(MAP_FIGURES).map(([key, figure]) => [key, figure.label])),
};

/** The programme's codes that mean one thing wherever they are stored (a role changed « from », a decision's outcome). */
const CODE_LABELS: Readonly<Record<string, string>> = {
  ...STAFF_ROLE_LABELS,
  ...OUTCOME_LABELS,
  ...TIER_LABELS,
  ...AUTH_METHOD_LABELS,
  ...STATE_LABELS,
  ...TRANCHE_LABELS,
  ...TRANCHE_STATUS_LABELS,
  ...WAVE_KIND_LABELS,
  DIRECTOR: "direction",
  EDITOR: "co-rédaction",
  STAFF: "équipe du programme",
  MEMBER: "membre d'un établissement",
};

/**
 * Keys that hold FINESS category codes (« 500 »): shown as the wave's form shows them, « label
 * (code) ». The labels are rows of the database, so the page's `names` holds them, under
 * `categoryNameKey(code)` apart from the ids.
 */
export const CATEGORY_CODE_KEYS: ReadonlySet<string> = new Set(["eligibleCategoryCodes", "categorie"]);

export const categoryNameKey = (code: string) => `category:${code}`;

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

export type AuditDetail = { label: string; value: string };

/** What the log's page knows the ids of its details by: a dossier's reference, a wave's title, an establishment's name (`auditNames` in queries.ts). */
export type AuditNames = ReadonlyMap<string, string>;

/**
 * What a proposal replaced (`decision.staged`): the earlier proposal's decision and amount
 * (« Retenu – 12 345,67 € »), not its dossier's reference, which the entry's target already gives.
 * Entries written before hold only the earlier proposal's id.
 */
function replacedProposal(value: unknown, names?: AuditNames): string | null {
  if (typeof value === "string") {
    const dossier = names?.get(value);
    return dossier ? `la proposition précédente du dossier ${dossier}` : null;
  }
  if (value === null || typeof value !== "object" || !("outcome" in value)) return null;
  const { outcome, amountGrantedCents } = value as { outcome: string; amountGrantedCents?: string | null };
  const decision = CODE_LABELS[outcome] ?? outcome;
  return amountGrantedCents ? `${decision} – ${formatEuros(BigInt(amountGrantedCents))}` : decision;
}

function valueOf(key: string, value: unknown, names?: AuditNames): string {
  if (value === null || value === undefined || value === "") return "–";
  if (key === "replaced") {
    const replaced = replacedProposal(value, names);
    if (replaced) return replaced;
  }
  if (typeof value === "boolean") return value ? "oui" : "non";
  if (typeof value === "number") {
    if (PLAIN_NUMBERS.has(key)) return String(value);
    if (key.endsWith("Cents") && Number.isInteger(value)) return formatEuros(BigInt(value));
    return Number.isInteger(value) ? formatInteger(value) : formatDecimal(value);
  }
  if (Array.isArray(value)) return value.length === 0 ? "–" : value.map((item) => valueOf(key, item, names)).join(", ");
  if (typeof value === "object") {
    return describeAuditDetails(value, { changedUnder: key, names })
      .map((detail) => `${detail.label} : ${detail.value}`)
      .join(" ; ");
  }
  const text = String(value);
  const category = CATEGORY_CODE_KEYS.has(key) ? names?.get(categoryNameKey(text)) : undefined;
  if (category) return `${category} (${text})`;
  const name = names?.get(text);
  if (name) return name;
  if (key.endsWith("Cents") && /^-?\d+$/.test(text)) return formatEuros(BigInt(text));
  if (INSTANT.test(text) && !Number.isNaN(Date.parse(text))) return formatParisDateTime(new Date(text));
  if (DAY.test(text)) return formatCalendarDate(text);
  return VALUE_LABELS[key]?.[text] ?? CODE_LABELS[text] ?? text;
}

/**
 * PostgreSQL's jsonb keeps an object's keys shortest first (« to » before « from »): a change reads
 * « Avant » then « Après » whatever order it came back in, the other keys where they are.
 */
function inReadingOrder(details: object): Array<[string, unknown]> {
  const entries = Object.entries(details);
  const [from, to] = [entries.findIndex(([key]) => key === "from"), entries.findIndex(([key]) => key === "to")];
  if (from !== -1 && to !== -1 && to < from) [entries[to], entries[from]] = [entries[from]!, entries[to]!];
  return entries;
}

/** Keys that mean something else in one event: a release's « rejected » counts dossiers not selected, an import's lines refused. */
const ACTION_KEY_LABELS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  "decisions.released": { rejected: "Non retenus" },
  // A proposal grants nothing yet: its amount is proposed until the decisions are released.
  "decision.staged": { amountGrantedCents: "Montant proposé" },
  // Entries written before 7 December 2026 kept the grant's reason as `reason` (now `grantReason`).
  "extension.withdrawn": { reason: "Motif de la prolongation retirée" },
};

/**
 * Free text that entries written by earlier versions hold and that the log must not show: a conflict
 * declaration's « Précisions » may name third parties (a relative, a date of birth). The log is
 * append-only, so those rows keep it; no manager reads it here. The declaration itself keeps it.
 */
const WITHHELD_KEYS: Readonly<Record<string, ReadonlySet<string>>> = {
  "review.conflict_declared": new Set(["details"]),
};

/**
 * `action`: the event's, for the keys it names its own way. `changedUnder`: the key a change's
 * « from » and « to » are stored under, which says how to read them (an amount, a date, a code).
 * `names`: ids the page has names for (`auditNames` in queries.ts), shown by them.
 */
export function describeAuditDetails(
  details: unknown,
  { action, changedUnder, names }: { action?: string; changedUnder?: string; names?: AuditNames } = {},
): AuditDetail[] {
  if (details === null || typeof details !== "object" || Array.isArray(details)) return [];
  const readAs = (key: string) => (changedUnder && (key === "from" || key === "to") ? changedUnder : key);
  const labels = (action && ACTION_KEY_LABELS[action]) || {};
  const withheld = action ? WITHHELD_KEYS[action] : undefined;
  return inReadingOrder(details)
    .filter(([key, value]) => value !== undefined && !withheld?.has(key))
    .map(([key, value]) => ({ label: labels[key] ?? KEY_LABELS[key] ?? key, value: valueOf(readAs(key), value, names) }));
}
