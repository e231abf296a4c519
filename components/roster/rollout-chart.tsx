"use client";

import { fr } from "@codegouvfr/react-dsfr";
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

export type RolloutPoint = {
  /** « 29/11/2026 » */
  day: string;
  registered: number | null;
  substantialId: number | null;
  rieCompliant: number | null;
  dmpReady: number | null;
};

/** Told apart by dash pattern as well as colour (RGAA 3.1: not by colour alone). */
const SERIES = [
  { key: "registered", name: "Enregistrés au RPPS", color: fr.colors.decisions.artwork.major.blueFrance.default, dash: undefined },
  { key: "substantialId", name: "Identité substantielle", color: fr.colors.decisions.artwork.major.purpleGlycine.default, dash: "8 4" },
  { key: "rieCompliant", name: "MIE conforme au RIE", color: fr.colors.decisions.artwork.major.greenEmeraude.default, dash: "2 3" },
  { key: "dmpReady", name: "Accès au DMP", color: fr.colors.decisions.artwork.major.orangeTerreBattue.default, dash: "12 3 3 3" },
] as const;

const percent = (value: unknown) => (typeof value === "number" ? `${Math.round(value)} %` : "–");

/**
 * The rollout curve, in percent of the active professionals. Hidden from assistive technologies
 * and not focusable: the same figures are in the table that comes with it (a chart alone fails
 * RGAA 1.8 / 4.x), which is what screen-reader and keyboard users read.
 */
export function RolloutChart({ points }: { points: RolloutPoint[] }) {
  return (
    <div aria-hidden="true" style={{ width: "100%", height: 320 }}>
      <ResponsiveContainer>
        <LineChart data={points} margin={{ top: 8, right: 24, bottom: 8, left: 0 }} accessibilityLayer={false}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="day" />
          <YAxis domain={[0, 100]} tickFormatter={percent} />
          <Tooltip formatter={percent} />
          <Legend />
          {SERIES.map((series) => (
            <Line
              key={series.key}
              type="monotone"
              dataKey={series.key}
              name={series.name}
              stroke={series.color}
              strokeDasharray={series.dash}
              strokeWidth={2}
              connectNulls
              isAnimationActive={false}
            />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
