/**
 * `canonicalJson(value)`: one JSON text per value, whatever the order its keys were built in, so
 * that a hash of it identifies content rather than a serialisation. It follows JSON Canonicalization
 * (RFC 8785) for what JSON has: object keys sorted by UTF-16 code units, no whitespace, numbers and
 * strings as `JSON.stringify` writes them, `undefined` properties left out. It adds two types the
 * dossier holds: a `bigint` is written as a decimal string (cents), a `Date` as its ISO string.
 * Arrays keep their order: the caller sorts those that are sets.
 * Anything else (NaN, Infinity, Map, Buffer, a class instance, a function) throws: silently writing
 * `{}` or `null` for it would make two different contents hash the same.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value === "boolean" || typeof value === "string") return JSON.stringify(value);
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new TypeError(`Cannot hash the number ${value}`);
    return JSON.stringify(value);
  }
  if (typeof value === "bigint") return JSON.stringify(value.toString());
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) {
    return `[${value
      .map((item: unknown) => {
        if (item === undefined) throw new TypeError("Cannot hash undefined in an array");
        return canonicalJson(item);
      })
      .join(",")}]`;
  }
  if (typeof value === "object" && isPlainObject(value)) {
    const entries = Object.keys(value)
      .sort()
      .filter((key) => (value as Record<string, unknown>)[key] !== undefined)
      .map((key) => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key])}`);
    return `{${entries.join(",")}}`;
  }
  throw new TypeError(`Cannot hash a value of type ${typeof value}`);
}

function isPlainObject(value: object): boolean {
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}
