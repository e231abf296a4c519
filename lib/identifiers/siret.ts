import { luhnCheckDigit, passesLuhn } from "./luhn";
import { isAllZeros } from "./zeros";

/**
 * SIREN (9 digits) and SIRET (SIREN + 5-digit NIC): both pass Luhn, and a SIRET's first nine digits
 * are a valid SIREN.
 *
 * La Poste's exception: since its change of status (2010) every post office is an establishment of
 * the one SIREN 356000000, too many for the NIC's Luhn key. Its head office's SIRET,
 * 35600000000048, passes Luhn; the others are valid when the sum of their 14 digits is a multiple
 * of 5. Source: INSEE's rule as stated in French Wikipedia's « Système d'identification du
 * répertoire des établissements » (section « Exceptions pour le groupe La Poste », citing INSEE's
 * SIRET page); recorded with its source in docs/domain/identifiers.md.
 */
const LA_POSTE_SIREN = "356000000";

export type SiretProblem = "format" | "zeros" | "siren" | "checkKey";

export function isValidSiren(value: string): boolean {
  return /^[0-9]{9}$/.test(value) && !isAllZeros(value) && passesLuhn(value);
}

export function checkSiret(value: string): SiretProblem | null {
  if (!/^[0-9]{14}$/.test(value)) return "format";
  if (isAllZeros(value)) return "zeros";
  const siren = value.slice(0, 9);
  if (!isValidSiren(siren)) return "siren";
  if (siren === LA_POSTE_SIREN) {
    const digitSum = [...value].reduce((total, digit) => total + Number(digit), 0);
    return passesLuhn(value) || digitSum % 5 === 0 ? null : "checkKey";
  }
  return passesLuhn(value) ? null : "checkKey";
}

export function isValidSiret(value: string): boolean {
  return checkSiret(value) === null;
}

/** What a SIRET's problem means, in a French sentence for the person who typed it. */
export function siretProblemMessage(problem: SiretProblem, siret: string): string {
  switch (problem) {
    case "format":
      return "Le SIRET doit comporter 14 chiffres.";
    case "zeros":
      return "Le SIRET ne peut pas être composé uniquement de zéros.";
    case "siren":
      return `Le SIRET ${siret} n'est pas valide : ses 9 premiers chiffres (le SIREN de l'entreprise) ne forment pas un SIREN valide.`;
    case "checkKey":
      return `Le SIRET ${siret} n'est pas valide : sa clé de contrôle ne correspond pas. Vérifiez les chiffres saisis.`;
  }
}

export function withSiretKey(body: string): string {
  return body + luhnCheckDigit(body);
}
