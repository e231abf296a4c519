import type { ApplicationState } from "@/lib/db/generated/enums";
import { formatParisDateTime, parisDateTime, parisLocalTimeProblem } from "@/lib/time/paris";
import { AppError } from "@/lib/errors/app-error";
import { formatEuros } from "@/lib/format/numbers";
import { isPastClosing } from "./deadline";
import { parseEnvelope } from "./envelope";

/**
 * The rules a wave's configuration must follow, as plain functions: the zod schemas (browser and
 * server) report them on the right field, the use cases apply those that need stored data, and the
 * database's CHECK constraints hold the absolute ones whatever code writes.
 *
 * Each returns a list of problems, empty when all is well; a problem names the form path of the
 * field it concerns and says in French what to do.
 */
export type RuleIssue = { path: Array<string | number>; message: string };

const LOCAL_FORMAT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/;

export type WaveSettingsValues = { year: number; opensAt: string; closesAt: string; fundingEnvelope: string };

/** Dates are Paris wall-clock times (`YYYY-MM-DDTHH:mm`); the envelope is in whole euros. */
export function checkWaveSettings(values: WaveSettingsValues): RuleIssue[] {
  const issues: RuleIssue[] = [];
  const valid: Partial<Record<"opensAt" | "closesAt", Date>> = {};
  for (const field of ["opensAt", "closesAt"] as const) {
    const text = values[field];
    // A malformed value is the schema's to report (« Indiquez une date et une heure. »).
    if (!LOCAL_FORMAT.test(text)) continue;
    const problem = parisLocalTimeProblem(text);
    if (problem) issues.push({ path: [field], message: problem });
    else valid[field] = parisDateTime(text);
  }
  if (valid.opensAt && valid.closesAt && valid.closesAt <= valid.opensAt) {
    issues.push({ path: ["closesAt"], message: "La clôture doit être postérieure à l'ouverture." });
  }
  // The year names the wave (« Vague de généralisation 2025 ») and tells waves of a kind apart: it
  // is the year its window opens or closes in, never a third one typed by mistake.
  // A year that is not a number is the schema's to report.
  if (valid.opensAt && valid.closesAt && Number.isInteger(values.year)) {
    const years = [...new Set([values.opensAt, values.closesAt].map((text) => Number(text.slice(0, 4))))];
    if (!years.includes(values.year))
      issues.push({ path: ["year"], message: `L'année de la vague est celle de son ouverture ou de sa clôture : ${years.join(" ou ")}.` });
  }
  const envelope = parseEnvelope(values.fundingEnvelope);
  if (!envelope.ok) issues.push({ path: ["fundingEnvelope"], message: envelope.message });
  return issues;
}

export type GridValues = {
  objectives: ReadonlyArray<{ code: string; required: boolean }>;
  criteria: ReadonlyArray<{ code: string; weight: number; scaleMin: number; scaleMax: number; objectiveCodes?: readonly string[] }>;
};

function duplicateCodes(list: "objectives" | "criteria", rows: ReadonlyArray<{ code: string }>, message: string): RuleIssue[] {
  const seen = new Set<string>();
  const issues: RuleIssue[] = [];
  rows.forEach((row, index) => {
    const code = row.code.trim().toUpperCase();
    if (code && seen.has(code)) issues.push({ path: [list, index, "code"], message });
    seen.add(code);
  });
  return issues;
}

/** Objectives and scoring grid: what a dossier is judged on must be unambiguous and scorable. */
export function checkGrid(values: GridValues): RuleIssue[] {
  const issues: RuleIssue[] = [];
  if (values.objectives.length > 0 && !values.objectives.some((objective) => objective.required)) {
    issues.push({ path: ["objectives"], message: "Au moins un objectif doit être obligatoire (objectifs a minima du programme)." });
  }
  issues.push(...duplicateCodes("objectives", values.objectives, "Ce code est déjà celui d'un autre objectif."));
  values.criteria.forEach((criterion, index) => {
    // A value that is not a number at all is the schema's to report.
    const { weight, scaleMin, scaleMax } = criterion;
    if (Number.isFinite(weight) && weight <= 0)
      issues.push({ path: ["criteria", index, "weight"], message: "Le poids doit être supérieur à 0." });
    if (Number.isFinite(scaleMin) && scaleMin < 0)
      issues.push({ path: ["criteria", index, "scaleMin"], message: "La note minimale ne peut pas être négative." });
    if (Number.isFinite(scaleMin) && Number.isFinite(scaleMax) && scaleMax <= scaleMin) {
      issues.push({ path: ["criteria", index, "scaleMax"], message: "La note maximale doit être supérieure à la note minimale." });
    }
  });
  issues.push(...duplicateCodes("criteria", values.criteria, "Ce code est déjà celui d'un autre critère."));
  const objectiveCodes = new Set(values.objectives.map((objective) => objective.code.trim().toUpperCase()));
  values.criteria.forEach((criterion, index) => {
    const unknown = (criterion.objectiveCodes ?? []).filter((code) => !objectiveCodes.has(code));
    if (unknown.length > 0) {
      issues.push({
        path: ["criteria", index, "objectiveCodes"],
        // The form shows each such code as a ticked box of the criterion: unticking it is the way out.
        message: `Ce critère renvoie à ${unknown.length > 1 ? "des objectifs qui n'existent" : "un objectif qui n'existe"} plus : ${unknown.map((code) => `« ${code} »`).join(", ")}. ${
          unknown.length > 1
            ? "Décochez leurs cases ci-dessous, ou cochez les objectifs qui les remplacent."
            : "Décochez sa case ci-dessous, ou cochez l'objectif qui le remplace."
        }`,
      });
    }
  });
  return issues;
}

/**
 * Once a wave has opened, its opening is a fact establishments acted on: it cannot move. Its
 * closing, envelope and eligibility stay editable (every change is audited).
 */
export function checkSettingsChange(stored: { opensAt: Date }, next: { opensAt: Date }, now: Date): RuleIssue[] {
  if (now < stored.opensAt || next.opensAt.getTime() === stored.opensAt.getTime()) return [];
  return [
    {
      path: ["opensAt"],
      message: `La vague est ouverte depuis le ${formatParisDateTime(stored.opensAt)} (heure de Paris) : sa date d'ouverture ne peut plus être modifiée.`,
    },
  ];
}

/**
 * A category can leave a wave's eligible ones only while no dossier of the wave comes from it: its
 * drafts could no longer be submitted, and the dashboard's reach would stop counting its candidates.
 * `removed` are the categories unticked, with the wave's dossiers from each.
 */
export function checkRemovedCategories(removed: ReadonlyArray<{ code: string; label: string; dossiers: number }>): RuleIssue[] {
  const held = removed.filter((category) => category.dossiers > 0);
  if (held.length === 0) return [];
  const named = held.map((category) => `« ${category.label} » (${category.dossiers} dossier${category.dossiers > 1 ? "s" : ""})`);
  return [
    {
      path: ["eligibleCategoryCodes"],
      message: `Des établissements ont déjà des dossiers dans cette vague au titre de ${held.length > 1 ? "ces catégories" : "cette catégorie"} : ${named.join(", ")}. ${held.length > 1 ? "Elles ne peuvent" : "Elle ne peut"} plus être retirée${held.length > 1 ? "s" : ""} des catégories éligibles.`,
    },
  ];
}

/**
 * Refuses with the rules' problems, each on its field (the first one as the message): what a use
 * case does with the rules that need stored data or the clock.
 */
export function refuseIssues(issues: readonly RuleIssue[]): void {
  const [first] = issues;
  if (!first) return;
  throw new AppError("INVALID_INPUT", first.message, {
    fieldErrors: Object.fromEntries(issues.map((issue) => [issue.path.join("."), [issue.message]])),
  });
}

/**
 * A closing set or moved must be ahead: a wave created already closed is a typing mistake, and an
 * edit that moves the closing into the past would close the wave behind the establishments'
 * backs (or, before the opening, close a wave that never opened). Closing an open wave early
 * stays possible, at a time still to come (« ce soir à 23 h 59 »). A closing already passed may
 * stay while another setting changes (the envelope of a closed wave). `stored` is null for a new
 * wave. The current minute is still ahead: deposits are on time until its end (`isPastClosing`).
 */
export function checkClosing(next: { closesAt: Date }, stored: { closesAt: Date } | null, now: Date): RuleIssue[] {
  if (!isPastClosing(now, next.closesAt) || (stored && next.closesAt.getTime() === stored.closesAt.getTime())) return [];
  return [
    {
      path: ["closesAt"],
      message: stored
        ? "Cette date de clôture est déjà passée : choisissez une date à venir, même pour clore la vague plus tôt."
        : "Cette date de clôture est déjà passée : une nouvelle vague doit encore pouvoir recevoir des candidatures.",
    },
  ];
}

/**
 * The envelope holds what the published decisions of the wave have granted: lowering it below
 * would show a deficit nobody answered for (ADR 0013: only a proposal's written reason passes it).
 */
export function checkEnvelopeCoversGrants(next: { fundingEnvelopeCents: bigint }, releasedGrantsCents: bigint): RuleIssue[] {
  if (next.fundingEnvelopeCents >= releasedGrantsCents) return [];
  return [
    {
      path: ["fundingEnvelope"],
      message: `Les décisions publiées de la vague accordent déjà ${formatEuros(releasedGrantsCents)} : l'enveloppe ne peut pas être inférieure à ce montant.`,
    },
  ];
}

/**
 * An extension gives one establishment more time: later than the wave's closing, and still ahead
 * (its minute included, `isPastClosing`).
 */
export function checkExtension(extension: { closesAt: Date }, wave: { closesAt: Date }, now: Date): RuleIssue[] {
  if (extension.closesAt <= wave.closesAt) {
    return [
      {
        path: ["closesAt"],
        message: `La nouvelle date limite doit être postérieure à la clôture de la vague (${formatParisDateTime(wave.closesAt)}, heure de Paris).`,
      },
    ];
  }
  if (isPastClosing(now, extension.closesAt)) return [{ path: ["closesAt"], message: "La nouvelle date limite doit être dans le futur." }];
  return [];
}

/**
 * An extension moves the deadline to start and deposit a dossier: it means something only while the
 * establishment has no dossier on the wave or a draft. The state machine has no move back to
 * « Brouillon »: a dossier deposited (« Complément demandé » included, whose answer is no new
 * deposit) or withdrawn can never be deposited again (ADR 0038, amended 7 December 2026).
 */
export function checkExtensionGrant(
  establishment: string,
  dossier: { state: ApplicationState; submittedAt: Date | null } | null,
): RuleIssue[] {
  if (dossier === null || dossier.state === "DRAFT") return [];
  if (dossier.state === "WITHDRAWN") {
    return [
      {
        path: ["finessEt"],
        message: `« ${establishment} » a retiré son dossier de cette vague : il ne peut plus être déposé, une prolongation ne lui servirait pas.`,
      },
    ];
  }
  const when = dossier.submittedAt ? ` le ${formatParisDateTime(dossier.submittedAt)} (heure de Paris)` : "";
  return [
    {
      path: ["finessEt"],
      message: `« ${establishment} » a déposé son dossier${when} : un dossier déposé ne se rouvre pas, une prolongation ne lui servirait pas.`,
    },
  ];
}

/**
 * Whether a new grant brings an establishment's extension forward: granting again replaces the
 * date, and an earlier one takes time back from the establishment (its members are told so, and
 * the manager confirms it first, ADR 0038).
 */
export function shortensExtension(previous: { closesAt: Date } | null, next: { closesAt: Date }): boolean {
  return previous !== null && next.closesAt < previous.closesAt;
}

/** What the manager confirms before bringing an extension forward. */
export function shorteningNotice(establishment: string, from: Date, to: Date): string {
  return `Le délai de « ${establishment} » passera du ${formatParisDateTime(from)} au ${formatParisDateTime(to)} : il sera raccourci.`;
}

/**
 * Withdrawing an extension gives the establishment the wave's closing back. Refused once its
 * dossier was submitted after the wave's closing minute (`isPastClosing`): that deposit was on time
 * only thanks to the extension, and would become late (ADR 0038). While the wave's closing is
 * ahead, or when the dossier is a draft, or was submitted on time for the wave, nothing depends
 * on it.
 */
export function checkExtensionWithdrawal(
  extension: { establishment: string },
  wave: { closesAt: Date },
  submittedAt: Date | null,
): RuleIssue[] {
  if (submittedAt === null || !isPastClosing(submittedAt, wave.closesAt)) return [];
  return [
    {
      path: [],
      message: `« ${extension.establishment} » a déposé son dossier le ${formatParisDateTime(submittedAt)}, après la clôture de la vague, grâce à cette prolongation : la retirer rendrait ce dépôt hors délai.`,
    },
  ];
}
