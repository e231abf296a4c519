import type { FileFormat } from "@/lib/export/file-format";
import type { TRosterFilters } from "./list-professionals";

/** The roster table's URL for the given state: defaults are left out so links stay short. */
export function rosterHref(path: string, filters: TRosterFilters, changes: Partial<TRosterFilters>): string {
  const state = { ...filters, ...changes };
  const defaults: Partial<Record<keyof TRosterFilters, string>> = {
    activity: "actifs",
    compliance: "",
    sort: "name",
    dir: "asc",
    page: "1",
    size: "25",
  };
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(state)) {
    if (value === undefined || value === "" || defaults[key as keyof TRosterFilters] === String(value)) continue;
    params.set(key, String(value));
  }
  const query = params.toString();
  return query ? `${path}?${query}` : path;
}

/** The empty roster template to download (app/api/roster/template), linked from the roster's pages. */
export const rosterTemplateHref = (format: FileFormat) => `/api/roster/template?format=${format}`;
