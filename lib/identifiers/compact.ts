/**
 * Removes what people type or paste between an identifier's digit groups: spaces (non-breaking and
 * narrow non-breaking ones included, which `\s` covers) and dots. One rule for every identifier a
 * form or a file gives (RPPS, FINESS, SIRET), so that a number accepted in one field is in all.
 */
export function compactIdentifier(value: string): string {
  return value.replace(/[\s.]/g, "");
}
