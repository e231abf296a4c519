"use client";

import "@gouvfr/dsfr-chart/css";
import { fr } from "@codegouvfr/react-dsfr";
import { useEffect } from "react";

/**
 * The State's chart components (`@gouvfr/dsfr-chart` 2.x: Vue 3 web components, ADR 0014) rendered
 * as custom elements. The library defines its elements when it loads, in the browser only; the
 * whole bundle is loaded once (one Vue runtime for every chart), after the page is interactive.
 *
 * The charts are pictures for sighted users: each is hidden from assistive technologies and comes
 * with a table of the same figures (RGAA 1.8), which is what keyboard and screen-reader users read.
 */
type ChartAttributes = { [attribute: string]: string | undefined };

declare module "react" {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace JSX {
    interface IntrinsicElements {
      "map-chart": ChartAttributes;
      "bar-chart": ChartAttributes;
    }
  }
}

function useDsfrChart() {
  useEffect(() => {
    void import("@gouvfr/dsfr-chart");
  }, []);
}

const json = (value: unknown) => JSON.stringify(value);

/** France's regions, overseas included, coloured by `data` (region code → value); `date` is shown as « Mise à jour : … ». */
export function RegionMap({ data, value, name, date }: { data: Record<string, number>; value: number; name: string; date: string }) {
  useDsfrChart();
  return (
    <div aria-hidden="true" className={fr.cx("fr-mb-2w")}>
      <map-chart level="reg" data={json(data)} value={String(value)} name={name} date={date} selected-palette="sequentialAscending" />
    </div>
  );
}

/** Bars: one list of labels (`x`), one list of values per series (`series`). */
export function BarChart({
  labels,
  series,
  horizontal = false,
  stacked = false,
  unit,
}: {
  labels: string[];
  series: Array<{ name: string; values: number[] }>;
  horizontal?: boolean;
  stacked?: boolean;
  unit?: string;
}) {
  useDsfrChart();
  return (
    <div aria-hidden="true" className={fr.cx("fr-mb-2w")}>
      <bar-chart
        x={json(series.map(() => labels))}
        y={json(series.map((one) => one.values))}
        name={json(series.map((one) => one.name))}
        horizontal={horizontal ? "true" : undefined}
        stacked={stacked ? "true" : undefined}
        unit-tooltip={unit}
        selected-palette="categorical"
      />
    </div>
  );
}
