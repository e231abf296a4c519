/**
 * What the map of regions can be coloured by: each figure is computed from a region's row, the
 * same row the table beside the map shows.
 *
 * Public API: `RegionFigures`, `MAP_FIGURES`, `MAP_FIGURE_KEYS`, `MapFigureKey`, `mapFigureValue`.
 */
import { type RolloutCounts, shareOf } from "./rollout-counts";

export type RegionFigures = {
  regionCode: string;
  /** Establishments of a category eligible to the wave (to any wave, without a wave filter). */
  eligible: number;
  /** Of those, establishments with a dossier in the wave (in any wave). */
  applied: number;
  dossiers: number;
  rollout: RolloutCounts;
};

type MapFigure = { label: string; unit: "share" | "count"; value: (row: RegionFigures) => number | null };

export const MAP_FIGURES = {
  applied: {
    label: "Part des établissements éligibles ayant candidaté",
    unit: "share",
    value: (row) => shareOf(row.applied, row.eligible),
  },
  dossiers: { label: "Nombre de dossiers", unit: "count", value: (row) => row.dossiers },
  registered: {
    label: "Part des professionnels enregistrés au RPPS",
    unit: "share",
    value: (row) => shareOf(row.rollout.registered, row.rollout.active),
  },
  substantialId: {
    label: "Part des professionnels à l'identité vérifiée « substantiel »",
    unit: "share",
    value: (row) => shareOf(row.rollout.substantialId, row.rollout.active),
  },
  rieCompliant: {
    label: "Part des professionnels avec une MIE conforme au RIE",
    unit: "share",
    value: (row) => shareOf(row.rollout.rieCompliant, row.rollout.active),
  },
  dmpReady: {
    label: "Part des professionnels ayant accès au DMP",
    unit: "share",
    value: (row) => shareOf(row.rollout.dmpReady, row.rollout.active),
  },
} as const satisfies Record<string, MapFigure>;

export type MapFigureKey = keyof typeof MAP_FIGURES;
export const MAP_FIGURE_KEYS = Object.keys(MAP_FIGURES) as [MapFigureKey, ...MapFigureKey[]];

export function mapFigureValue(key: MapFigureKey, row: RegionFigures): number | null {
  return MAP_FIGURES[key].value(row);
}
