import { STATE_LABELS } from "@/lib/applications/state-machine";
import { OUTCOME_LABELS } from "@/lib/decisions/labels";
import { TRANCHE_LABELS } from "@/lib/follow-up/tranches";
import { formatDecimal, formatEuros, formatInteger } from "@/lib/format/numbers";
import { AUTH_METHOD_LABELS } from "@/lib/identity/auth-method-labels";
import { STAFF_ROLE_LABELS } from "@/lib/identity/invitations";
import { TIER_LABELS } from "@/lib/review/labels";
import { formatCalendarDate, formatParisDateTime } from "@/lib/time/paris";

/**
 * An audit event's details as the managers who read the log understand them: each stored key in
 * French, amounts in euros, instants in Paris time, codes of the programme by their label. What
 * is stored does not change (it stays the evidence, and the API's); a key or a code without a
 * label shows as is rather than being hidden.
 */
const KEY_LABELS: Readonly<Record<string, string>> = {
  applicationId: "Dossier",
  assignmentId: "Attribution",
  automatic: "Automatique",
  amountCents: "Montant",
  amountGrantedCents: "Montant accordé",
  changes: "Modifications",
  closesAt: "Clôture",
  created: "Ajoutés",
  code: "Code",
  decidedAt: "Date de décision",
  description: "Description",
  decisionId: "Décision",
  deviceType: "Type de clé",
  dir: "Ordre",
  email: "Adresse électronique",
  envelopeExceeded: "Enveloppe dépassée",
  establishmentId: "Établissement",
  establishments: "Établissements",
  expiresAt: "Expire le",
  fileName: "Fichier",
  files: "Fichiers",
  filters: "Filtres",
  finessEj: "FINESS EJ",
  finessEt: "FINESS ET",
  format: "Format",
  from: "Avant",
  importId: "Import",
  job: "Tâche",
  kind: "Type",
  message: "Message",
  method: "Méthode",
  missing: "Manquants",
  name: "Nom",
  operationId: "Opération",
  outcome: "Sens de la décision",
  overdue: "En retard",
  page: "Page",
  path: "Adresse",
  previousClosesAt: "Clôture précédente",
  professionals: "Professionnels",
  purpose: "Objet",
  queued: "Mise en file",
  readings: "Relevés",
  reason: "Motif",
  reference: "Référence",
  rejected: "Lignes rejetées",
  replaced: "Remplace",
  retryAfterSeconds: "Réessayer après (secondes)",
  reviewer: "Instructeur",
  reviewerId: "Identifiant de l'instructeur",
  role: "Rôle",
  rows: "Lignes",
  scopes: "Droits",
  slug: "Identifiant",
  sort: "Tri",
  staffRole: "Rôle",
  stepId: "Étape",
  storedCounter: "Compteur enregistré",
  table: "Tableau",
  tier: "Niveau",
  to: "Après",
  title: "Titre",
  totalCents: "Montant total",
  type: "Type",
  unchanged: "Déjà à jour",
  updated: "Mis à jour",
  verificationId: "Vérification",
  waveId: "Vague",
  year: "Année",
};

/** Numbers that are not quantities: written without a thousands separator (« 2027 », not « 2 027 »). */
const PLAIN_NUMBERS = new Set(["year"]);

/** Codes whose meaning depends on the key they are stored under. */
const VALUE_LABELS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  format: { csv: "CSV", xlsx: "XLSX", pdf: "PDF" },
  dir: { asc: "croissant", desc: "décroissant" },
};

/** The programme's codes that mean one thing wherever they are stored (a role changed « from », a decision's outcome). */
const CODE_LABELS: Readonly<Record<string, string>> = {
  ...STAFF_ROLE_LABELS,
  ...OUTCOME_LABELS,
  ...TIER_LABELS,
  ...AUTH_METHOD_LABELS,
  ...STATE_LABELS,
  ...TRANCHE_LABELS,
  DIRECTOR: "direction",
  EDITOR: "co-rédaction",
  STAFF: "équipe du programme",
  MEMBER: "membre d'un établissement",
};

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

export type AuditDetail = { label: string; value: string };

function valueOf(key: string, value: unknown): string {
  if (value === null || value === undefined || value === "") return "–";
  if (typeof value === "boolean") return value ? "oui" : "non";
  if (typeof value === "number") {
    if (PLAIN_NUMBERS.has(key)) return String(value);
    return Number.isInteger(value) ? formatInteger(value) : formatDecimal(value);
  }
  if (Array.isArray(value)) return value.length === 0 ? "–" : value.map((item) => valueOf(key, item)).join(", ");
  if (typeof value === "object") {
    return describeAuditDetails(value)
      .map((detail) => `${detail.label} : ${detail.value}`)
      .join(" ; ");
  }
  const text = String(value);
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

export function describeAuditDetails(details: unknown): AuditDetail[] {
  if (details === null || typeof details !== "object" || Array.isArray(details)) return [];
  return inReadingOrder(details)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => ({ label: KEY_LABELS[key] ?? key, value: valueOf(key, value) }));
}
