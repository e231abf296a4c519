import { z } from "zod";
import { checkCalendarDate } from "@/lib/applications/calendar-date";
import { formatInteger } from "@/lib/format/numbers";
import { compactIdentifier } from "@/lib/identifiers/compact";
import { checkSiret, siretProblemMessage } from "@/lib/identifiers/siret";

/**
 * Field building blocks of the section schemas: each carries its French messages, so no English
 * default of zod can reach a user. Draft rules: a text may be empty, but never too long; a date,
 * a SIRET or an amount, when given, must be valid.
 */

/** Longest texts accepted (characters after cleaning); the form shows the same limits. */
export const TEXT_LIMITS = {
  title: 200,
  name: 200,
  label: 200,
  summary: 5_000,
  plan: 10_000,
  notes: 2_000,
  explanation: 4_000,
} as const;

/** For values a form cannot produce (wrong type, missing key): a tampered or broken request. */
export const INVALID_VALUE = "Valeur invalide.";

/**
 * Text as pasted from a word processor: Word's line breaks (vertical tab, form feed) become new
 * lines, other control characters go (PostgreSQL refuses NUL in text), then NFC so that « é »
 * typed or pasted is one character, counted once. Single-line fields also fold new lines.
 */
function cleanText(text: string, multiline: boolean): string {
  const lines = text
    .replace(/\r\n?|[\v\f\u2028\u2029]/g, "\n")
    .replace(/[\u0000-\u0008\u000e-\u001f\u007f]/g, "")
    .normalize("NFC");
  return (multiline ? lines : lines.replace(/[\n\t]+/g, " ")).trim();
}

/** `subject` starts the error sentence: « Le titre du projet ne doit pas dépasser… ». */
export function zDraftText(subject: string, max: number, { multiline = false } = {}) {
  return z
    .string({ error: INVALID_VALUE })
    .overwrite((text) => cleanText(text, multiline))
    .max(max, { error: `${subject} ne doit pas dépasser ${formatInteger(max)} caractères.` });
}

/** `YYYY-MM-DD`, required (the column cannot be empty). */
export function zCalendarDate(missing: string) {
  return z.string({ error: missing }).superRefine((text, ctx) => {
    if (text === "") {
      ctx.addIssue({ code: "custom", message: missing });
      return;
    }
    const problem = checkCalendarDate(text);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  });
}

/** `YYYY-MM-DD` or nothing: empty string, null and absence all mean "not given yet". */
export const zOptionalCalendarDate = z.union([z.string(), z.null(), z.undefined()], { error: INVALID_VALUE }).transform((value, ctx) => {
  if (value === undefined || value === null || value === "") return null;
  const problem = checkCalendarDate(value);
  if (problem) ctx.addIssue({ code: "custom", message: problem, input: value });
  return value;
});

/** Optional SIRET, typed with or without spaces; stored as its 14 digits, or null. */
export const zOptionalSiret = z.union([z.string(), z.null(), z.undefined()], { error: INVALID_VALUE }).transform((value, ctx) => {
  const digits = compactIdentifier(value ?? "");
  if (digits === "") return null;
  const problem = checkSiret(digits);
  if (problem) ctx.addIssue({ code: "custom", message: siretProblemMessage(problem, digits), input: value });
  return digits;
});

/** A list with a French message when it grows past what a dossier can sensibly hold. */
export function zList<T extends z.ZodType>(item: T, max: number, tooMany: string) {
  return z.array(item, { error: INVALID_VALUE }).max(max, { error: tooMany });
}
