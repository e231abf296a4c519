/**
 * How each kind of template value is written and read back. Writers give the canonical form;
 * readers also take what spreadsheets and people produce (codes instead of labels, ISO dates,
 * « O » / « N », spaces inside an RPPS). A reader's errors are French sentences naming the column,
 * without the « Ligne N : » prefix the validator adds.
 *
 * Public API: `Parsed`, `parseName`, `formatDate`, `parseDate`, `formatBoolean`, `parseBoolean`,
 * `enumCodec`, `parseRpps`, `formatMieList`, `parseMieList`.
 */
import type { MieType } from "@/lib/db/generated/enums";
import { compactIdentifier } from "@/lib/identifiers/compact";
import { checkRpps, isAdeliNumber, isValidRpps, readRpps } from "@/lib/identifiers/rpps";
import { RPPS_STATUS_LABELS } from "../labels";
import { MIE_CATALOGUE, MIE_TYPES } from "@/lib/mie/catalogue";
import { dayToDate, formatDayFr, parseFrenchDay, parseIsoDay, toDay, type Day } from "../dates";
import { formatInteger } from "@/lib/format/numbers";
import { PROFESSIONAL_NAME_MAX } from "../professional-schema";
import type { EnrollmentRecord } from "./columns";
import { comparable, singleLine } from "./normalize";

export type Parsed<T> = { ok: true; value: T } | { ok: false; errors: string[] };

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const fail = <T>(...errors: string[]): Parsed<T> => ({ ok: false, errors });

/**
 * A name or first name on one line (a line break in its cell becomes a space), within the form's
 * limit, so that an imported professional can be saved from the form.
 */
export function parseName(text: string, header: string): Parsed<string> {
  const name = singleLine(text);
  return name.length <= PROFESSIONAL_NAME_MAX
    ? ok(name)
    : fail(`la colonne « ${header} » dépasse ${PROFESSIONAL_NAME_MAX} caractères (${formatInteger(name.length)})`);
}

// Dates ------------------------------------------------------------------------------------------

export function formatDate(date: Date | null): string {
  return date === null ? "" : formatDayFr(toDay(date));
}

/** Excel's day number of 1970-01-01: a date cell that lost its format shows this count (« 43831 » for 01/01/2020). */
const EXCEL_SERIAL_OF_EPOCH = 25_569;

/** Five digits in a date column can only be such a count (years 1927 to 2173). */
const EXCEL_SERIAL = /^\d{5}$/;

function readDay(text: string): Day | null {
  if (EXCEL_SERIAL.test(text)) return Number(text) - EXCEL_SERIAL_OF_EPOCH;
  return parseFrenchDay(text) ?? parseIsoDay(text);
}

/**
 * « 10/20/1979 »: a date that only reads month first, as a spreadsheet in English writes it. One
 * in a file means its other dates (« 2/1/1980 ») may be month first too, though they read as days.
 */
export function isMonthFirstDate(text: string): boolean {
  const match = /^(\d{1,2})\/(\d{1,2})\/\d{4}$/.exec(text.trim());
  return match !== null && Number(match[1]) <= 12 && Number(match[2]) > 12 && Number(match[2]) <= 31;
}

/**
 * Empty → null. A day count is a date only in a file's cell, where a spreadsheet put it: `typed`
 * text (a person's correction in the preview) must be written as a date, as its field's hint says.
 */
export function parseDate(text: string, header: string, { typed = false }: { typed?: boolean } = {}): Parsed<Date | null> {
  const trimmed = text.trim();
  if (trimmed === "") return ok(null);
  if (typed && EXCEL_SERIAL.test(trimmed))
    return fail(
      `« ${trimmed} » est un nombre, pas une date, dans la colonne « ${header} » : saisissez la date au format JJ/MM/AAAA (par exemple 01/09/2015)`,
    );
  const day = readDay(trimmed);
  return day === null
    ? fail(`« ${trimmed} » n'est pas une date valide dans la colonne « ${header} » (format attendu : JJ/MM/AAAA)`)
    : ok(dayToDate(day));
}

// Yes / no ---------------------------------------------------------------------------------------

const YES = new Set(["oui", "o", "yes", "y", "vrai", "true", "1", "x"]);
const NO = new Set(["non", "n", "no", "faux", "false", "0", ""]);

export function formatBoolean(value: boolean): string {
  return value ? "Oui" : "Non";
}

/** Empty → Non: a need column left blank means the need is not there. */
export function parseBoolean(text: string, header: string): Parsed<boolean> {
  const key = comparable(text);
  if (YES.has(key)) return ok(true);
  if (NO.has(key)) return ok(false);
  return fail(`valeur « ${text.trim()} » non reconnue dans la colonne « ${header} » (réponses possibles : Oui, Non)`);
}

// Enumerations -----------------------------------------------------------------------------------

export type EnumCodec<T extends string> = {
  format(value: T): string;
  /** Empty → null (the caller decides what a blank means). */
  parse(text: string, header: string): Parsed<T | null>;
};

/** Reads a value by its code, its French label or one of its aliases, whatever the case and accents. */
export function enumCodec<T extends string>(
  labels: Readonly<Record<T, string>>,
  aliases: Partial<Record<T, readonly string[]>> = {},
): EnumCodec<T> {
  const lookup = new Map<string, T>();
  for (const code of Object.keys(labels) as T[]) {
    for (const spelling of [code, labels[code], ...(aliases[code] ?? [])]) lookup.set(comparable(spelling), code);
  }
  const choices = Object.values<string>(labels).join(", ");
  return {
    format: (value) => labels[value],
    parse(text, header) {
      if (text.trim() === "") return ok(null);
      const value = lookup.get(comparable(text));
      return value === undefined
        ? fail(`valeur « ${text.trim()} » inconnue dans la colonne « ${header} » (valeurs possibles : ${choices})`)
        : ok(value);
    },
  };
}

// RPPS -------------------------------------------------------------------------------------------

/** Empty → null. Takes the 11-digit RPPS or the national identifier 8 + RPPS; spaces are ignored. */
export function parseRpps(text: string): Parsed<string | null> {
  // Scientific notation is told before the dots go: « 1.23457E+10 » is a spreadsheet's number, not digit groups.
  if (/^\d([.,]\d+)?E\+?\d+$/i.test(text.replace(/\s/g, ""))) {
    return fail(
      `le numéro RPPS « ${text.trim()} » a été transformé en nombre par le tableur : mettez la colonne « RPPS » au format Texte et saisissez de nouveau les numéros`,
    );
  }
  const compact = compactIdentifier(text);
  if (compact === "") return ok(null);
  if (!/^\d+$/.test(compact)) return fail(`le numéro RPPS « ${text.trim()} » ne doit contenir que des chiffres`);
  const rpps = readRpps(compact);
  if (isAdeliNumber(compact)) {
    return fail(
      `le numéro ${compact} est un numéro ADELI, pas un numéro RPPS : laissez la colonne « RPPS » vide et indiquez le statut RPPS (« ${RPPS_STATUS_LABELS.NOT_REGISTERED} » ou « ${RPPS_STATUS_LABELS.REQUESTED} ») et la date de naissance`,
    );
  }
  if (rpps.length !== 11) return fail(`le numéro RPPS ${compact} doit comporter 11 chiffres`);
  if (checkRpps(rpps) === "zeros")
    return fail(`le numéro RPPS ${rpps} n'est composé que de zéros : laissez la colonne vide si le professionnel n'a pas de numéro RPPS`);
  if (!isValidRpps(rpps))
    return fail(`le numéro RPPS ${rpps} est invalide : sa clé de contrôle ne correspond pas (vérifiez-le dans l'Annuaire Santé)`);
  return ok(rpps);
}

// MIE list ---------------------------------------------------------------------------------------

const MIE_CODES = MIE_TYPES.join(", ");

/**
 * « E_CPS:01/03/2025, CPS:15/01/2023:15/01/2026, FIDO2_LOCAL:01/01/2024::30/06/2025 »: as the
 * import guide shows the column, dates like the file's other date columns; read back as written.
 */
export function formatMieList(enrollments: readonly EnrollmentRecord[]): string {
  return enrollments
    .map(({ type, enrolledAt, expiresAt, revokedAt }) => {
      const parts = [type, formatDate(enrolledAt)];
      if (expiresAt !== null || revokedAt !== null) parts.push(formatDate(expiresAt));
      if (revokedAt !== null) parts.push(formatDate(revokedAt));
      return parts.join(":");
    })
    .join(", ");
}

function mieType(text: string): MieType | null {
  const code = text
    .trim()
    .toUpperCase()
    .replace(/[\s-]+/g, "_");
  return Object.hasOwn(MIE_CATALOGUE, code) ? (code as MieType) : null;
}

/** Items separated by `;` (or `,`, `|`, a line break); empty → no MIE. */
export function parseMieList(text: string): Parsed<EnrollmentRecord[]> {
  const enrollments: EnrollmentRecord[] = [];
  const errors: string[] = [];
  for (const item of text
    .split(/[;,|\n]+/)
    .map((part) => part.trim())
    .filter(Boolean)) {
    const [typeText = "", enrolledText = "", expiresText = "", revokedText = "", ...extra] = item.split(":").map((part) => part.trim());
    const type = mieType(typeText);
    if (type === null) {
      errors.push(`moyen d'identification « ${typeText} » inconnu dans la colonne « MIE » (codes possibles : ${MIE_CODES})`);
      continue;
    }
    if (extra.length > 0) {
      errors.push(`dans la colonne « MIE », « ${item} » a trop de parties (attendu : ${type}:enrôlement[:expiration[:révocation]])`);
      continue;
    }
    if (enrolledText === "") {
      errors.push(`dans la colonne « MIE », ${type} doit être suivi de sa date d'enrôlement (exemple : ${type}:01/03/2025)`);
      continue;
    }
    const dates = [enrolledText, expiresText, revokedText].map((part) => (part === "" ? null : readDay(part)));
    const bad = [enrolledText, expiresText, revokedText].filter((part, index) => part !== "" && dates[index] === null);
    if (bad.length > 0) {
      errors.push(
        ...bad.map((part) => `dans la colonne « MIE », « ${part} » (${type}) n'est pas une date valide (JJ/MM/AAAA ou AAAA-MM-JJ)`),
      );
      continue;
    }
    const [enrolled, expires, revoked] = dates as [Day, Day | null, Day | null];
    if (expires !== null && expires <= enrolled) {
      errors.push(
        `dans la colonne « MIE », l'expiration de ${type} (${formatDayFr(expires)}) doit être postérieure à son enrôlement (${formatDayFr(enrolled)})`,
      );
      continue;
    }
    if (revoked !== null && revoked < enrolled) {
      errors.push(
        `dans la colonne « MIE », la révocation de ${type} (${formatDayFr(revoked)}) précède son enrôlement (${formatDayFr(enrolled)})`,
      );
      continue;
    }
    enrollments.push({
      type,
      enrolledAt: dayToDate(enrolled),
      expiresAt: expires === null ? null : dayToDate(expires),
      revokedAt: revoked === null ? null : dayToDate(revoked),
    });
  }
  return errors.length > 0 ? { ok: false, errors } : ok(enrollments);
}
