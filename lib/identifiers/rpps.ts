import { luhnCheckDigit, passesLuhn } from "./luhn";

/** RPPS number: 11 digits, the last a Luhn key over the whole number. */
export function isValidRpps(value: string): boolean {
  return /^[0-9]{11}$/.test(value) && passesLuhn(value);
}

export function withRppsKey(body: string): string {
  return body + luhnCheckDigit(body);
}

/**
 * Reads an RPPS from what Pro Santé Connect or a directory extract gives: either the 11-digit
 * number, or the national PP identifier `8` + RPPS. Returns null for anything else (ADELI included).
 */
export function rppsFromNationalId(value: string): string | null {
  const trimmed = value.trim();
  const candidate = /^8[0-9]{11}$/.test(trimmed) ? trimmed.slice(1) : trimmed;
  return isValidRpps(candidate) ? candidate : null;
}
