/**
 * The dossier list's filters in words: the labels of the list page's fields (one source for the
 * page, the exports' file names and « Mes exports »), the filters set as French words, and the
 * export's file name made from them (`dossiers-hospiconnect-depose-vague-pilote-2024-2026-12-06.csv`).
 * The order is not a filter: it changes neither the name nor the words.
 *
 * Public API: `DOSSIER_FILTER_LABELS`, `dossierFilterWords`, `dossierFiltersSummary`, `dossierExportFileName`,
 * `NO_DOSSIER_FILTER`.
 */
import { regionName } from "@/lib/establishments/territories";
import type { FileFormat } from "@/lib/export/file-format";
import { filteredFileName } from "@/lib/export/file-name";
import { parisToday } from "@/lib/time/paris";
import { STATE_LABELS } from "./state-machine";
import type { TDossierFilters } from "./list-dossiers";

export const DOSSIER_FILTER_LABELS = {
  wave: "Vague",
  state: "État",
  region: "Région",
  search: "Établissement, FINESS ou référence",
} as const;

export const NO_DOSSIER_FILTER = "Tous les dossiers";

type Filters = Partial<Pick<TDossierFilters, "wave" | "state" | "region" | "search">>;

/** The filters set, as (label, value) pairs in the page's order; the wave by its title (`null`: a wave since deleted). */
export function dossierFilterWords(filters: Filters, waveTitle: string | null): Array<{ label: string; value: string }> {
  const words: Array<{ label: string; value: string }> = [];
  if (filters.wave) words.push({ label: DOSSIER_FILTER_LABELS.wave, value: waveTitle ?? "vague supprimée" });
  if (filters.state) words.push({ label: DOSSIER_FILTER_LABELS.state, value: STATE_LABELS[filters.state] });
  if (filters.region) words.push({ label: DOSSIER_FILTER_LABELS.region, value: regionName(filters.region) });
  if (filters.search) words.push({ label: DOSSIER_FILTER_LABELS.search, value: `« ${filters.search} »` });
  return words;
}

/** « Vague : Vague pilote 2024 ; État : Déposé », or « Tous les dossiers ». */
export function dossierFiltersSummary(filters: Filters, waveTitle: string | null): string {
  const words = dossierFilterWords(filters, waveTitle);
  return words.length === 0 ? NO_DOSSIER_FILTER : words.map((word) => `${word.label} : ${word.value}`).join(" ; ");
}

/** The export's file name, for a direct download and a background export alike. */
export function dossierExportFileName(format: FileFormat, filters: Filters, waveTitle: string | null, day = parisToday()): string {
  const values = [
    filters.state ? STATE_LABELS[filters.state] : "",
    filters.wave ? (waveTitle ?? "vague") : "",
    filters.region ? regionName(filters.region) : "",
    filters.search ? `recherche ${filters.search}` : "",
  ];
  return filteredFileName("dossiers-hospiconnect", values, format, day);
}
