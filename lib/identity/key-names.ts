import { foldForSearch } from "@/lib/db/search-fold";

/** Two keys of one account are told apart by their names: these rules say when two names are the same. */

export const KEY_NAME_TAKEN = "Une autre de vos clés porte déjà ce nom : choisissez-en un autre pour les distinguer.";

/** A name as compared: spaces trimmed and collapsed (a non-breaking one too), case and accents ignored, as searches do. */
export function foldKeyName(name: string): string {
  return foldForSearch(name.normalize("NFC").replace(/\s+/g, " ").trim().toLocaleLowerCase("fr"));
}

/** Whether `name` is already another key's among `others` (the key being renamed left out by the caller). */
export function isKeyNameTaken(name: string, others: ReadonlyArray<{ name: string }>): boolean {
  const folded = foldKeyName(name);
  return others.some((other) => foldKeyName(other.name) === folded);
}
