/**
 * A dossier's reference, « HC-00042 »: its number (`Application.number`, given when the dossier is
 * started), prefixed and padded so that it reads the same everywhere (pages, letters, e-mails,
 * exports, the public API) and is told apart from other figures on the phone.
 */
export function dossierReference(number: number): string {
  return `HC-${String(number).padStart(5, "0")}`;
}

/** The number a search for a reference means: « HC-00042 », « hc-42 », « HC42 »; null for anything else. */
export function dossierNumberSearched(text: string): number | null {
  const match = /^\s*hc\s*-?\s*0*(\d{1,9})\s*$/i.exec(text);
  return match ? Number(match[1]) : null;
}
