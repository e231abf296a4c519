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
 * Reads an RPPS from what Pro Santé Connect or a directory extract gives: either the 11-digit
 * number, or the national PP identifier `8` + RPPS. Returns null for anything else (ADELI included).
 */
export function rppsFromNationalId(value: string): string | null {
  const trimmed = value.trim();
  const candidate = /^8[0-9]{11}$/.test(trimmed) ? trimmed.slice(1) : trimmed;
  return isValidRpps(candidate) ? candidate : null;
}
