import { compactIdentifier } from "./compact";
import { luhnCheckDigit, passesLuhn } from "./luhn";
import { isAllZeros } from "./zeros";

/** RPPS number: 11 digits, the last a Luhn key over the whole number; never all zeros (which passes Luhn). */
export type RppsProblem = "format" | "zeros" | "checkKey";

export function checkRpps(value: string): RppsProblem | null {
  if (!/^[0-9]{11}$/.test(value)) return "format";
  if (isAllZeros(value)) return "zeros";
  return passesLuhn(value) ? null : "checkKey";
}

export function isValidRpps(value: string): boolean {
  return checkRpps(value) === null;
}

export function withRppsKey(body: string): string {
  return body + luhnCheckDigit(body);
}

/**
 * An ADELI number (the older directory being replaced by the RPPS): 9 digits passing Luhn, or the
 * national PP identifier `0` + ADELI. Told apart so that a person given one hears what it is.
 */
export function isAdeliNumber(value: string): boolean {
  const candidate = /^0[0-9]{9}$/.test(value) ? value.slice(1) : value;
  return /^[0-9]{9}$/.test(candidate) && !isAllZeros(candidate) && passesLuhn(candidate);
}

/**
 * The RPPS number in what a person typed or a file holds, not yet checked (`checkRpps` says what is
 * wrong): digit groups compacted, and the national PP identifier `8` + RPPS read as its RPPS. The
 * form, the imports and Pro Santé Connect all read it so, and the roster stores the 11 digits.
 */
export function readRpps(value: string): string {
  const compact = compactIdentifier(value);
  return /^8[0-9]{11}$/.test(compact) ? compact.slice(1) : compact;
}

/**
 * Reads an RPPS from what Pro Santé Connect or a directory extract gives: either the 11-digit
 * number, or the national PP identifier `8` + RPPS. Returns null for anything else (ADELI included).
 */
export function rppsFromNationalId(value: string): string | null {
  const candidate = readRpps(value);
  return isValidRpps(candidate) ? candidate : null;
}
