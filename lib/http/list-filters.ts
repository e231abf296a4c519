import { z } from "zod";
import { withoutNul } from "./untrusted-text";

/**
 * How long a list's free-text filter may be: its schema reads no more and its field lets no more be
 * typed, so a search is never dropped without the person seeing why.
 */
export const SEARCH_TEXT_MAX_LENGTH = 100;

/** A list's region filter: a region's two-digit code, or none when malformed. */
export const ZRegionFilter = z
  .string()
  .regex(/^\d{2}$/)
  .optional()
  .catch(undefined);

/** A list's free-text filter: trimmed, none when empty. */
export const ZSearchFilter = z
  .string()
  .trim()
  .max(SEARCH_TEXT_MAX_LENGTH)
  .optional()
  .transform((value) => value || undefined);

/** A list's page number, the first when malformed. */
export const ZPageFilter = z.coerce.number().int().min(1).catch(1);

type SearchParams = Record<string, string | string[] | undefined>;

/** A list page's filters as a query string, for its links (pages, sorts, exports): blank filters are left out. */
export function listQueryString(values: Readonly<Record<string, string | number | undefined>>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) if (value !== undefined && value !== "") params.set(key, String(value));
  return params.toString();
}

/**
 * A list page's filters, sort and page from its query string. A value the schema refuses (a date
 * typed by hand, a search longer than allowed, a link edited or truncated) is left out rather than
 * failing the page: the list shows as if that filter were not set, the others still apply.
 */
export function readListFilters<T extends z.ZodType>(schema: T, searchParams: SearchParams): z.output<T> {
  const params = withoutNul(searchParams);
  const parsed = schema.safeParse(params);
  if (parsed.success) return parsed.data;
  const refused = new Set(parsed.error.issues.map((issue) => issue.path[0]));
  const kept = schema.safeParse(Object.fromEntries(Object.entries(params).filter(([key]) => !refused.has(key))));
  return kept.success ? kept.data : schema.parse({});
}

/**
 * Where a list's « Réinitialiser les filtres » leads, or none while no filter is set: the list
 * back on its first page without its filters, still sorted and paged as the person chose. A filter
 * counts as set when it differs from what the schema reads from an empty query string, so that a
 * default the form sends back (the roster's « En activité aujourd'hui ») shows no reset.
 */
export function filterResetHref<T extends Record<string, unknown>>(
  path: string,
  schema: z.ZodType<T>,
  values: T,
  filterNames: readonly (keyof T & string)[],
): string | undefined {
  const defaults = schema.parse({});
  if (filterNames.every((name) => values[name] === defaults[name])) return undefined;
  const kept = Object.entries(values).filter(([name, value]) => name !== "page" && !filterNames.includes(name) && value !== defaults[name]);
  const query = listQueryString(Object.fromEntries(kept.map(([name, value]) => [name, value === undefined ? undefined : String(value)])));
  return query ? `${path}?${query}` : path;
}
