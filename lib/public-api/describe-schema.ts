/**
 * Reads the JSON Schemas of the OpenAPI document for the documentation page: a French label of a
 * schema's type, and the rows of an object's properties. Plain functions of the document, so the
 * page shows what the document says and nothing else.
 *
 * Public API: `JsonSchema`, `typeLabel`, `propertyRows`, `refName`.
 */
export type JsonSchema = {
  $ref?: string;
  type?: string | string[];
  format?: string;
  enum?: readonly unknown[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  additionalProperties?: JsonSchema | boolean;
  propertyNames?: JsonSchema;
  required?: readonly string[];
  description?: string;
  example?: unknown;
  default?: unknown;
  minimum?: number;
  maximum?: number;
  pattern?: string;
  const?: unknown;
};

/** `#/components/schemas/Wave` → `Wave`. */
export function refName(ref: string): string {
  return ref.split("/").at(-1)!;
}

const FORMATS: Record<string, string> = { uuid: "identifiant (uuid)", "date-time": "date et heure (ISO 8601)", date: "date (AAAA-MM-JJ)" };
const TYPES: Record<string, string> = {
  string: "texte",
  integer: "entier",
  number: "nombre",
  boolean: "booléen",
  null: "null",
  object: "objet",
  array: "liste",
};

export function typeLabel(schema: JsonSchema): string {
  if (schema.$ref) return refName(schema.$ref);
  const union = schema.anyOf ?? schema.oneOf;
  if (union) return union.map(typeLabel).join(" ou ");
  if (schema.enum) return `une valeur parmi ${schema.enum.map((value) => JSON.stringify(value)).join(", ")}`;
  if (schema.type === "array") return `liste ${ofMany(schema.items)}`;
  if (schema.type === "object" && typeof schema.additionalProperties === "object" && !schema.properties) {
    return `dictionnaire ${ofMany(schema.additionalProperties)}`;
  }
  if (typeof schema.type === "string" && schema.format && FORMATS[schema.format]) return FORMATS[schema.format]!;
  const types = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : [];
  return types.map((type) => TYPES[type] ?? type).join(" ou ") || "valeur";
}

const PLURALS: Record<string, string> = {
  texte: "textes",
  entier: "entiers",
  nombre: "nombres",
  booléen: "booléens",
  objet: "objets",
  valeur: "valeurs",
  [FORMATS.uuid!]: "identifiants (uuid)",
  [FORMATS["date-time"]!]: "dates et heures (ISO 8601)",
  [FORMATS.date!]: "dates (AAAA-MM-JJ)",
};

/** What a list or a dictionary holds, in French: « d'entiers », « de listes de textes », « de Wave ». */
function ofMany(schema: JsonSchema | undefined): string {
  if (!schema) return "de valeurs";
  if (schema.$ref) return `de ${refName(schema.$ref)}`;
  const label = typeLabel(schema);
  const plural = /^(liste|dictionnaire) /.test(label) ? label.replace(/^(liste|dictionnaire) /, "$1s ") : PLURALS[label];
  if (plural === undefined) return `de valeurs (${label})`;
  return /^[aeiouyéh]/i.test(plural) ? `d'${plural}` : `de ${plural}`;
}

export type PropertyRow = { name: string; type: string; required: boolean; description: string; ref: string | null };

/** One row per property of an object schema (nested objects are shown by their own rows, dotted). */
export function propertyRows(schema: JsonSchema, prefix = ""): PropertyRow[] {
  return Object.entries(schema.properties ?? {}).flatMap(([name, property]) => {
    const row: PropertyRow = {
      name: `${prefix}${name}`,
      type: typeLabel(property),
      required: (schema.required ?? []).includes(name),
      description: property.description ?? "",
      ref: property.$ref ? refName(property.$ref) : null,
    };
    // A nullable object (`anyOf` with null) has its properties in its object branch.
    const object = [property, ...(property.anyOf ?? [])].find((branch) => branch.type === "object" && branch.properties);
    const nested = object ? propertyRows(object, `${prefix}${name}.`) : [];
    return [row, ...nested];
  });
}
