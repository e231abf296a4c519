import { compactIdentifier } from "./compact";
import { luhnCheckDigit, passesLuhn } from "./luhn";

/**
 * FINESS number: 9 characters. The first ones are the department (docs/domain/identifiers.md):
 * 01–19, 2A / 2B (Corsica, whose old code 20 no longer exists), 21–95, and overseas 97 followed by
 * a digit. Overseas, the directory's numbers start 970 as well as 971–976 (e.g. 970100012, a
 * Guadeloupe clinic in the etalab FINESS extract), so any 97x is accepted. The last character is a
 * Luhn key over the first eight. How Corsican letters enter the key is not published: we read both
 * as "20" (to confirm, see docs/domain/identifiers.md). Change `DEPARTMENT` or `digitsForKey` only.
 */
const FORMAT = /^([0-9]{2}|2[AB])[0-9]{7}$/;
const DEPARTMENT = /^(0[1-9]|1[0-9]|2[AB1-9]|[3-8][0-9]|9[0-5]|97)/;

function digitsForKey(finess: string): string {
  return finess.replace(/^2[AB]/, "20");
}

export type FinessProblem = "format" | "department" | "checkKey";

export function checkFiness(value: string): FinessProblem | null {
  const finess = normalizeFiness(value);
  if (!FORMAT.test(finess)) return "format";
  // An all-zero number starts with department 00, which does not exist.
  if (!DEPARTMENT.test(finess)) return "department";
  return passesLuhn(digitsForKey(finess)) ? null : "checkKey";
}

export function isValidFiness(value: string): boolean {
  return checkFiness(value) === null;
}

/** How a French message lists the departments a FINESS may start with. */
export const FINESS_DEPARTMENTS_TEXT = "01 à 19, 2A, 2B, 21 à 95, ou 97 suivi d'un chiffre outre-mer";

/** Removes the spaces and dots people type between a FINESS's digit groups, and upper-cases the Corsican letters. */
export function normalizeFiness(value: string): string {
  return compactIdentifier(value).toUpperCase();
}

/** Completes an 8-character FINESS body with its check key. */
export function withFinessKey(body: string): string {
  return body + luhnCheckDigit(digitsForKey(body));
}
