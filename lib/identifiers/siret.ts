import { luhnCheckDigit, passesLuhn } from "./luhn";

/** La Poste's SIREN: its establishments' SIRET numbers use a digit-sum rule instead of Luhn. */
const LA_POSTE_SIREN = "356000000";

export function isValidSiren(value: string): boolean {
  return /^[0-9]{9}$/.test(value) && passesLuhn(value);
}

export function isValidSiret(value: string): boolean {
  if (!/^[0-9]{14}$/.test(value)) return false;
  if (value.startsWith(LA_POSTE_SIREN)) {
    const sum = [...value].reduce((total, digit) => total + Number(digit), 0);
    return sum % 5 === 0;
  }
  return passesLuhn(value);
}

export function withSiretKey(body: string): string {
  return body + luhnCheckDigit(body);
}
