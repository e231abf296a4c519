import { isPastClosing } from "./deadline";

export type WaveStatus = "UPCOMING" | "OPEN" | "CLOSED";

/** Whether a wave takes applications at `now` (until the end of its closing minute, `isPastClosing`). */
export function waveStatus(wave: { opensAt: Date; closesAt: Date }, now: Date): WaveStatus {
  if (now < wave.opensAt) return "UPCOMING";
  return isPastClosing(now, wave.closesAt) ? "CLOSED" : "OPEN";
}

export const WAVE_STATUS_LABELS: Readonly<Record<WaveStatus, string>> = {
  UPCOMING: "À venir",
  OPEN: "Ouverte",
  CLOSED: "Clôturée",
};
