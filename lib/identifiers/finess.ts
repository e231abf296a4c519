import { luhnCheckDigit, passesLuhn } from "./luhn";

/**
 * FINESS number: 9 characters, the first two are the department (2A / 2B in Corsica), the last a
 * Luhn key over the first eight. How Corsican letters enter the key is not published: we read
 * both as "20" (to confirm, see ../shared/domain/formats.md). Change `digitsForKey` only.
 */
const FORMAT = /^([0-9]{2}|2[AB])[0-9]{7}$/;

function digitsForKey(finess: string): string {
  return finess.replace(/^2[AB]/, "20");
}

export type FinessProblem = "format" | "checkKey";

export function checkFiness(value: string): FinessProblem | null {
  const finess = normalizeFiness(value);
  if (!FORMAT.test(finess)) return "format";
  return passesLuhn(digitsForKey(finess)) ? null : "checkKey";
}

export function isValidFiness(value: string): boolean {
  return checkFiness(value) === null;
}

/** Removes spaces and upper-cases the Corsican letters, as people type them. */
export function normalizeFiness(value: string): string {
  return value.replace(/\s+/g, "").toUpperCase();
}

/** Completes an 8-character FINESS body with its check key. */
export function withFinessKey(body: string): string {
  return body + luhnCheckDigit(digitsForKey(body));
}
