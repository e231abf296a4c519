import type { z } from "zod";
import { formatDecimal, formatInteger } from "@/lib/format/numbers";
import { capitalize } from "@/lib/format/capitalize";

/**
 * The French message of a refusal that its schema does not word itself: a field a form always
 * sends, missing or of the wrong type, is a client's mistake, but whoever reads the answer must
 * understand it. zod's own French locale names its types (« string attendu, undefined reçu »,
 * « int doit être <=9007199254740991 ») and prints regular expressions; these say it in words.
 */
export const frenchZodMessage: z.core.$ZodErrorMap = (issue) => {
  switch (issue.code) {
    case "invalid_type":
      if (issue.input === undefined) return "Champ obligatoire.";
      if (typeof issue.input === "number" && !Number.isFinite(issue.input)) return "Valeur invalide : un nombre fini est attendu.";
      return `Valeur invalide : il faut ${EXPECTED[issue.expected] ?? "une autre valeur"}.`;
    case "invalid_value":
      return issue.values.length === 1
        ? `Valeur invalide : il faut ${literal(issue.values[0])}.`
        : `Valeur invalide : il faut l'une des valeurs ${issue.values.map(literal).join(", ")}.`;
    case "too_big":
      return bound("max", issue.origin, issue.maximum, issue.inclusive ?? true);
    case "too_small":
      if (issue.origin === "string" && issue.minimum === 1) return "Champ obligatoire.";
      return bound("min", issue.origin, issue.minimum, issue.inclusive ?? true);
    case "invalid_format":
      return FORMATS[issue.format] ?? "Format invalide.";
    case "not_multiple_of":
      return `La valeur doit être un multiple de ${number(issue.divisor)}.`;
    case "unrecognized_keys":
      return issue.keys.length === 1 ? "Paramètre inconnu." : "Paramètres inconnus.";
    default:
      return "Valeur invalide.";
  }
};

const EXPECTED: Partial<Record<string, string>> = {
  string: "un texte",
  number: "un nombre",
  bigint: "un nombre entier",
  boolean: "true ou false",
  array: "une liste",
  object: "un objet",
  date: "une date",
  null: "null",
};

const FORMATS: Partial<Record<string, string>> = {
  email: "Adresse e-mail invalide.",
  url: "Adresse web invalide.",
  uuid: "Identifiant invalide.",
  datetime: "Date et heure invalides.",
  date: "Date invalide.",
  time: "Heure invalide.",
};

/** « 9 007 199 254 740 991 », « 2,5 »: a bound as a French reader writes it. */
function number(value: number | bigint): string {
  return typeof value === "bigint" || Number.isInteger(value) ? formatInteger(Number(value)) : formatDecimal(value);
}

function bound(side: "min" | "max", origin: string, limit: number | bigint, inclusive: boolean): string {
  const [atLeast, atMost] = inclusive ? ["au moins", "au plus"] : ["plus de", "moins de"];
  const words = side === "min" ? atLeast : atMost;
  switch (origin) {
    case "string":
      return `${capitalize(words)} ${number(limit)} caractères.`;
    case "array":
    case "set":
      return `${capitalize(words)} ${number(limit)} éléments.`;
    case "file":
      return side === "max" ? "Le fichier est trop volumineux." : "Le fichier est trop petit.";
    case "date":
      return side === "max" ? "Date trop tardive." : "Date trop ancienne.";
    default: {
      const comparison = {
        min: inclusive ? "supérieure ou égale à" : "supérieure à",
        max: inclusive ? "inférieure ou égale à" : "inférieure à",
      }[side];
      return `La valeur doit être ${comparison} ${number(limit)}.`;
    }
  }
}

const literal = (value: unknown) => (typeof value === "string" ? `« ${value} »` : String(value));
