import type { FieldValues } from "react-hook-form";

/** A field and its value in words, for the table of differences. */
export type FieldReader = (path: string, value: unknown) => { field: string; value: string };

/** Nothing typed yet, however the form holds it. */
function isEmpty(value: unknown): boolean {
  return value === null || value === undefined || value === "" || (Array.isArray(value) && value.length === 0);
}

/** A section's values by field path; a list of plain values (the MIE types ticked) is one field. */
function leaves(value: unknown, prefix = ""): Record<string, unknown> {
  const plain = typeof value !== "object" || value === null || (Array.isArray(value) && value.every((item) => typeof item !== "object"));
  if (plain) return { [prefix]: isEmpty(value) ? "" : value };
  return Object.entries(value).reduce<Record<string, unknown>>(
    (fields, [key, child]) => ({ ...fields, ...leaves(child, prefix ? `${prefix}.${key}` : key) }),
    {},
  );
}

/** The fields whose values differ between two versions of a section, in words. */
export function differences(mine: FieldValues, theirs: FieldValues, read: FieldReader) {
  const left = leaves(mine);
  const right = leaves(theirs);
  return [...new Set([...Object.keys(left), ...Object.keys(right)])]
    .filter((path) => JSON.stringify(left[path] ?? "") !== JSON.stringify(right[path] ?? ""))
    .map((path) => {
      const { field, value: mine } = read(path, left[path]);
      return { path, field, mine, theirs: read(path, right[path]).value };
    });
}
