import { z } from "zod";
import { checkFiness, FINESS_DEPARTMENTS_TEXT, normalizeFiness } from "@/lib/identifiers/finess";
import { checkParisLocalTime } from "@/lib/time/paris-schema";
import { checkGrid, checkWaveSettings, type RuleIssue } from "./wave-rules";

/**
 * The programme manager's forms, shared by react-hook-form in the browser and the route handlers:
 * the same French messages on both sides. Values stay JSON (dates as Paris wall-clock strings,
 * the envelope as typed); the use cases convert them.
 */
function report(ctx: z.RefinementCtx, issues: RuleIssue[]) {
  for (const issue of issues) ctx.addIssue({ code: "custom", path: issue.path, message: issue.message });
}

/** An empty field is said to be required, not too short. */
const text = (what: string, min: number, max: number) =>
  z
    .string({ error: `${what} est obligatoire.` })
    .trim()
    .min(min, { error: (issue) => (issue.input === "" ? `${what} est obligatoire.` : `${what} doit compter au moins ${min} caractères.`) })
    .max(max, { error: `${max} caractères au plus.` });

/** A number field sends a string (or a number from the server's own callers): an integer in range. */
const integer = (message: string, min: number, max: number) =>
  z.union([z.number(), z.string()], { error: message }).transform((value, ctx) => {
    const compact = typeof value === "string" ? value.replace(/[\s\u00a0\u202f]/g, "") : value;
    const number = typeof compact === "number" ? compact : /^-?\d+$/.test(compact) ? Number(compact) : Number.NaN;
    // Not aborting: the form's other rules (closing after opening…) are reported at the same time.
    if (!Number.isInteger(number) || number < min || number > max) ctx.addIssue({ code: "custom", message, input: value, continue: true });
    return number;
  });

const code = z
  .string({ error: "Indiquez un code." })
  .trim()
  .toUpperCase()
  .regex(/^[A-Z0-9][A-Z0-9_-]{0,11}$/, { error: "Un code de 1 à 12 lettres, chiffres ou tirets, par exemple « O1 »." });

const localDateTime = z.string({ error: "Indiquez une date et une heure." }).regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, {
  error: "Indiquez une date et une heure.",
});

export const ZCampaignInput = z.object({
  title: text("Le titre", 3, 120),
  // The field's hint already says what an identifier is made of: its error says what is wrong.
  slug: z
    .string({ error: "L'identifiant est obligatoire." })
    .trim()
    .toLowerCase()
    .min(1, { error: "L'identifiant est obligatoire.", abort: true })
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, {
      error:
        "Cet identifiant n'est pas valide : ni espace, ni accent, ni autre signe que le tiret, qui ne peut être ni au début, ni à la fin, ni doublé.",
    })
    .max(60, { error: "60 caractères au plus." }),
  description: z.string().trim().max(2000, { error: "2 000 caractères au plus." }),
});
export type TCampaignInput = z.infer<typeof ZCampaignInput>;

/** What a campaign's edit form changes: its identifier stays. */
export const ZCampaignEdit = ZCampaignInput.pick({ title: true, description: true });
export type TCampaignEdit = z.infer<typeof ZCampaignEdit>;

const settingsShape = {
  kind: z.enum(["PILOT", "GENERALISATION"], { error: "Choisissez le type de vague." }),
  title: text("Le titre de la vague", 3, 160),
  year: integer("Indiquez l'année de la vague, entre 2020 et 2100.", 2020, 2100),
  opensAt: localDateTime,
  closesAt: localDateTime,
  fundingEnvelope: z.string({ error: "Indiquez le montant de l'enveloppe, en euros." }),
  eligibleCategoryCodes: z.array(z.string().min(1).max(10)).min(1, { error: "Cochez au moins une catégorie d'établissements éligible." }),
};

const ZObjectiveInput = z.object({
  code,
  title: text("Le titre de l'objectif", 3, 200),
  description: z.string().trim().max(2000, { error: "2 000 caractères au plus." }),
  required: z.boolean(),
});

const ZCriterionInput = z.object({
  code,
  label: text("L'intitulé du critère", 3, 200),
  description: z.string().trim().max(2000, { error: "2 000 caractères au plus." }),
  weight: integer("Le poids doit être un nombre entier entre 1 et 1 000.", -1_000, 1_000),
  scaleMin: integer("La note minimale doit être un nombre entier entre 0 et 100.", -100, 100),
  scaleMax: integer("La note maximale doit être un nombre entier entre 1 et 100.", -100, 100),
  required: z.boolean(),
  /** Codes of the objectives the criterion judges. */
  objectiveCodes: z.array(z.string().trim().toUpperCase().max(12)).max(20).optional(),
});

const gridShape = {
  objectives: z.array(ZObjectiveInput).min(1, { error: "Ajoutez au moins un objectif." }).max(20, { error: "20 objectifs au plus." }),
  criteria: z.array(ZCriterionInput).min(1, { error: "Ajoutez au moins un critère." }).max(30, { error: "30 critères au plus." }),
};

export const ZWaveSettingsInput = z.object(settingsShape).superRefine((values, ctx) => report(ctx, checkWaveSettings(values)));
export type TWaveSettingsInput = z.infer<typeof ZWaveSettingsInput>;

export const ZWaveGridInput = z.object(gridShape).superRefine((values, ctx) => report(ctx, checkGrid(values)));
export type TWaveGridInput = z.infer<typeof ZWaveGridInput>;

export const ZCreateWaveInput = z
  .object({ ...settingsShape, ...gridShape })
  .superRefine((values, ctx) => report(ctx, [...checkWaveSettings(values), ...checkGrid(values)]));
export type TCreateWaveInput = z.infer<typeof ZCreateWaveInput>;

/** The wave's version the form was loaded at: a change made meanwhile by someone else is a conflict. */
const ZExpectedVersion = z.object({ expectedVersion: z.number().int().min(1) });

export const ZUpdateWaveSettingsInput = z.intersection(ZWaveSettingsInput, ZExpectedVersion);
export const ZUpdateWaveGridInput = z.intersection(ZWaveGridInput, ZExpectedVersion);

export const ZDeadlineExtensionInput = z.object({
  finessEt: z
    .string({ error: "Indiquez le FINESS de l'établissement." })
    .transform(normalizeFiness)
    .superRefine((value, ctx) => {
      const problem = checkFiness(value);
      if (problem === "format") ctx.addIssue({ code: "custom", message: "Le FINESS compte 9 caractères, par exemple « 790001234 »." });
      if (problem === "department")
        ctx.addIssue({ code: "custom", message: `Ce FINESS ne commence pas par un numéro de département (${FINESS_DEPARTMENTS_TEXT}).` });
      if (problem === "checkKey")
        ctx.addIssue({ code: "custom", message: "Ce FINESS n'est pas valide : vérifiez le dernier chiffre (clé de contrôle)." });
    }),
  /** Named apart from the wave form's `closesAt`: both forms share the wave page, and field ids follow names. */
  newClosesAt: localDateTime.superRefine(checkParisLocalTime),
  reason: text("Le motif", 5, 500),
  /** Ticked by the manager when the new date is earlier than the extension already granted (ADR 0038). */
  confirmShortening: z.boolean().optional(),
});
export type TDeadlineExtensionInput = z.infer<typeof ZDeadlineExtensionInput>;

export const ZStartApplicationInput = z.object({
  waveId: z.uuid({ error: "Vague inconnue." }),
  establishmentId: z.uuid({ error: "Établissement inconnu." }),
});
