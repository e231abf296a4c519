import { luhnCheckDigit, passesLuhn } from "./luhn";
import { isAllZeros } from "./zeros";

/** RPPS number: 11 digits, the last a Luhn key over the whole number; never all zeros (which passes Luhn). */
export type RppsProblem = "format" | "zeros" | "checkKey";

export function checkRpps(value: string): RppsProblem | null {
  if (!/^[0-9]{11}$/.test(value)) return "format";
  if (isAllZeros(value)) return "zeros";
  return passesLuhn(value) ? null : "checkKey";
}

/** Drops the spaces and dots people type or copy between an RPPS number's digit groups. */
export function compactRpps(value: string): string {
  return value.replace(/[\s.]/g, "");
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
 * Reads an RPPS from what Pro Santé Connect or a directory extract gives: either the 11-digit
 * number, or the national PP identifier `8` + RPPS. Returns null for anything else (ADELI included).
 */
export function rppsFromNationalId(value: string): string | null {
  const trimmed = value.trim();
  const candidate = /^8[0-9]{11}$/.test(trimmed) ? trimmed.slice(1) : trimmed;
  return isValidRpps(candidate) ? candidate : null;
}
