/**
 * The pieces the public API's endpoints share: pagination, dates, amounts, indicators, errors.
 * Each `.meta({ id })` becomes a component of the OpenAPI document; descriptions are in French,
 * since the documentation page shows them to the programme's partners.
 *
 * Public API: `ZDateTime`, `ZCents`, `ZRegionCode`, `inDigits`, `ZPageQuery`, `page`, `keysetWhere`, `keysetPage`,
 * `ZIndicators`, `indicatorsBody`, `ZApiError`, `idParam`.
 */
import { z } from "zod";
import { ZRowId } from "@/lib/db/row-id";
import type { EstablishmentIndicators } from "@/lib/roster/indicators";

export const ZDateTime = z.iso.datetime().meta({ description: "Date et heure, ISO 8601 en UTC", example: "2026-03-31T21:59:00.000Z" });

export const ZCents = z.int().min(0).meta({ description: "Montant en centimes d'euro", example: 150000000 });

export const ZRegionCode = z
  .string()
  .regex(/^\d{2}$/, { error: "Code de région INSEE à deux chiffres, par exemple 84." })
  .meta({ description: "Code INSEE de la région", example: "84" });

/** A path segment that is a row id, described for the document. */
export const idParam = (description: string) => ZRowId.meta({ description, example: "019390a2-7c1e-7d2a-9c57-2b1f0c4e8a11" });

/** A list's free-text search: the caller's own `.meta` says what it searches. */
export const ZSearchQuery = z
  .string()
  .trim()
  .min(1, { error: "Texte vide : donnez au moins un caractère, ou retirez le paramètre." })
  .max(100, { error: "100 caractères au plus." });

/**
 * A whole number in a query string, written in digits only: `z.coerce.number` alone reads an empty
 * `limit=` as 0, and `1e1`, `0x10` or ` 5` as numbers, which no caller means. Anything else becomes
 * NaN, refused with the schema's own message; the document still describes an integer.
 */
export const inDigits = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (typeof value === "string" && !/^[0-9]+$/.test(value) ? Number.NaN : value), schema);

export const ZPageQuery = z.strictObject({
  limit: inDigits(
    z.coerce
      .number({ error: "Nombre entier attendu." })
      .int({ error: "Nombre entier attendu." })
      .min(1, { error: "Au moins 1." })
      .max(100, { error: "Au plus 100." })
      .default(50),
  ).meta({ description: "Nombre d'éléments par page (1 à 100, 50 par défaut)" }),
  cursor: z.guid({ error: "Curseur invalide : passez le « nextCursor » de la page précédente." }).optional().meta({
    description: "Le `nextCursor` de la page précédente ; absent pour la première page",
  }),
});

/** A page of a list, in id order; `nextCursor` is null on the last page. */
export const page = <T extends z.ZodType>(item: T, id: string) =>
  z
    .object({
      data: z.array(item),
      nextCursor: ZRowId.nullable().meta({ description: "À passer en `cursor` pour la page suivante ; null sur la dernière page" }),
    })
    .meta({ id });

/**
 * Keyset pagination on the id (uuid v7: creation order): the next page starts after the last id
 * of the previous one, with no OFFSET, so a page costs the same at the millionth row and rows
 * added meanwhile are neither skipped nor repeated.
 */
export function keysetWhere(cursor: string | undefined): { id?: { gt: string } } {
  return cursor ? { id: { gt: cursor } } : {};
}

/** The page out of `limit + 1` rows read: the extra row only says that there is a next page. */
export function keysetPage<T extends { id: string }>(rows: readonly T[], limit: number): { rows: T[]; nextCursor: string | null } {
  const kept = rows.slice(0, limit);
  return { rows: kept, nextCursor: rows.length > limit ? kept.at(-1)!.id : null };
}

const ZShare = z
  .object({
    count: z.int().min(0),
    of: z.int().min(0),
    share: z.number().min(0).max(1).nullable().meta({ description: "count / of ; null quand of vaut 0" }),
  })
  .meta({ id: "Share", description: "Une part : un effectif sur un dénominateur" });

const ZIndicatorSet = z
  .object({
    active: z.int().min(0).meta({ description: "Professionnels en activité" }),
    registered: ZShare.meta({ description: "Enregistrés au RPPS" }),
    identitySubstantial: ZShare.meta({ description: "Identité vérifiée au niveau eIDAS substantiel" }),
    rieCompliant: ZShare.meta({ description: "Conformes au règlement RIE (MIE à double facteur)" }),
    dmpReady: ZShare.meta({ description: "Prêts pour le DMP" }),
    rieCompliantAmongConcerned: ZShare.meta({ description: "Conformes RIE parmi les professionnels concernés (objectif 2)" }),
    dmpReadyAmongNeedingDmp: ZShare.meta({ description: "Prêts pour le DMP parmi ceux qui en ont besoin" }),
  })
  .meta({ id: "IndicatorSet" });

export const ZIndicators = z
  .object({
    at: z.iso.date().meta({ description: "Jour (heure de Paris) des chiffres" }),
    takenAt: ZDateTime.meta({ description: "Instant de la photographie des chiffres" }),
    overall: ZIndicatorSet,
    byPopulation: z.record(z.string(), ZIndicatorSet).meta({ description: "Par population (salariés, libéraux…)" }),
    byProfession: z.record(z.string(), ZIndicatorSet).meta({ description: "Par code de profession de la nomenclature nationale" }),
    objective1: z.object({
      met: z.boolean(),
      registrationComplete: z.boolean(),
      identityComplete: z.boolean(),
      entitlementProcedureDeclared: z.boolean(),
    }),
    objective2: z.object({ met: z.boolean(), concerned: z.int().min(0), compliant: z.int().min(0) }),
  })
  .meta({ id: "Indicators", description: "Indicateurs de déploiement d'un établissement, à un instant donné" });

export function indicatorsBody(indicators: EstablishmentIndicators, takenAt: Date): z.input<typeof ZIndicators> {
  return {
    ...indicators,
    byPopulation: indicators.byPopulation as Record<string, EstablishmentIndicators["overall"]>,
    takenAt: takenAt.toISOString(),
  };
}

export const ZApiError = z
  .object({
    error: z.object({
      code: z
        .enum([
          "UNAUTHENTICATED",
          "FORBIDDEN",
          "NOT_FOUND",
          "METHOD_NOT_ALLOWED",
          "INVALID_INPUT",
          "RATE_LIMITED",
          "UNAVAILABLE",
          "INTERNAL",
        ])
        .meta({ description: "Le code de l'erreur, stable (le message peut changer)", example: "UNAUTHENTICATED" }),
      message: z.string().meta({ description: "La raison, en français", example: "Jeton d'accès inconnu." }),
      fieldErrors: z.record(z.string(), z.array(z.string())).optional().meta({ description: "Paramètre par paramètre (422)" }),
      details: z.record(z.string(), z.unknown()).optional().meta({
        description:
          "Pour un 401, `reason` : missing (pas d'en-tête), malformed (en-tête mal formé), unknown, expired, revoked, disabled (compte du créateur désactivé) ; pour un 429, `retryAfterSeconds`",
      }),
    }),
  })
  .meta({ id: "Error" });
