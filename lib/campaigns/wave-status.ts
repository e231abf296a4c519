export type WaveStatus = "UPCOMING" | "OPEN" | "CLOSED";

/** Whether a wave takes applications at `now` (the closing time itself is already too late). */
export function waveStatus(wave: { opensAt: Date; closesAt: Date }, now: Date): WaveStatus {
  if (now < wave.opensAt) return "UPCOMING";
  return now < wave.closesAt ? "OPEN" : "CLOSED";
}

export const WAVE_STATUS_LABELS: Readonly<Record<WaveStatus, string>> = {
  UPCOMING: "À venir",
  OPEN: "Ouverte",
  CLOSED: "Clôturée",
};
