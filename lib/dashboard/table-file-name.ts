/**
 * The name of a dashboard table's file, with the filters it was made under:
 * `tableau-de-bord-entonnoir-bretagne-2026-12-06.csv`. The envelopes are national whatever the
 * region and category filters (`envelopes.ts`): their file says `nationales` and never names a
 * region, so a file downloaded under a region filter cannot pass for that region's figures. The
 * note goes in the name rather than in a title row, which would break the header row that a
 * spreadsheet's filters, sorts and pivot tables read.
 *
 * Public API: `NATIONAL_TABLES`, `dashboardTableFileName`.
 */
import { regionName } from "@/lib/establishments/territories";
import type { FileFormat } from "@/lib/export/file-format";
import { filteredFileName } from "@/lib/export/file-name";
import { parisToday } from "@/lib/roster/dates";
import type { TDashboardFilters } from "./filters";
import type { DashboardTableId } from "./tables";

/** Tables that the region and category filters do not apply to, with the word their file carries. */
export const NATIONAL_TABLES: Partial<Record<DashboardTableId, string>> = { enveloppes: "nationales" };

export function dashboardTableFileName(
  table: DashboardTableId,
  filters: Pick<TDashboardFilters, "vague" | "region" | "categorie">,
  waveTitle: string | null,
  format: FileFormat,
  day = parisToday(),
): string {
  const national = NATIONAL_TABLES[table];
  const values = [
    national ?? "",
    filters.vague ? (waveTitle ?? "vague") : "",
    !national && filters.region ? regionName(filters.region) : "",
    !national && filters.categorie ? `categorie ${filters.categorie}` : "",
  ];
  return filteredFileName(`tableau-de-bord-${table}`, values, format, day);
}
