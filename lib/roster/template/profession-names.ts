import { foldForSearch } from "@/lib/db/search-fold";

/** A word's feminine ending and its masculine one, as the nomenclature's labels are written. */
const MASCULINE_ENDINGS: ReadonlyArray<readonly [RegExp, string]> = [
  [/ere$/, "er"], // infirmière
  [/euse$/, "eur"],
  [/trice$/, "teur"], // directrice, animatrice
  [/ienne$/, "ien"], // diététicienne
  [/ive$/, "if"], // éducative
  [/ale$/, "al"], // médicale, sociale
  [/ante$/, "ant"], // aide-soignante, accompagnante
  [/ee$/, "e"], // spécialisée, qualifiée
];

/**
 * A profession's name reduced for comparison: accents, capitals and apostrophes folded, « (e) »
 * dropped, each word in its masculine form, so that « Aide-soignante », « aide soignant » and
 * « Aide-soignant » meet, and « Secrétaire médical » meets the label « Secrétaire médicale ».
 */
export function professionNameKey(name: string): string {
  return foldForSearch(name.replace(/\(e\)/gi, ""))
    .replace(/[\s-]+/g, " ")
    .trim()
    .split(" ")
    .map((word) => {
      const ending = MASCULINE_ENDINGS.find(([feminine]) => feminine.test(word));
      return ending ? word.replace(ending[0], ending[1]) : word;
    })
    .join(" ");
}

/**
 * Reads a template line's profession: its code, or its name as the nomenclature gives it (a
 * director types « Infirmière » more readily than « 60 »); null when neither is known.
 */
export function professionCodeReader(
  codes: ReadonlySet<string>,
  labels: Iterable<{ code: string; label: string }>,
): (text: string) => string | null {
  const byName = new Map<string, string>();
  for (const { code, label } of labels) if (codes.has(code)) byName.set(professionNameKey(label), code);
  return (text) => (codes.has(text) ? text : (byName.get(professionNameKey(text)) ?? null));
}
