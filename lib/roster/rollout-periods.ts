/**
 * The periods the rollout curve can show, and how finely: the last reading of each day, week or
 * month. An establishment in the programme since the 2024 pilot has a reading a day; its page
 * shows a few dozen points of them, not every one (chart, data table and payload alike).
 */
export const ROLLOUT_PERIODS = [
  { id: "3-mois", label: "3 derniers mois", days: 92, step: "day", stepLabel: "le dernier relevé de chaque jour" },
  { id: "12-mois", label: "12 derniers mois", days: 366, step: "week", stepLabel: "le dernier relevé de chaque semaine" },
  { id: "24-mois", label: "24 derniers mois", days: 731, step: "month", stepLabel: "le dernier relevé de chaque mois" },
] as const;

export type RolloutPeriod = (typeof ROLLOUT_PERIODS)[number];

export const DEFAULT_ROLLOUT_PERIOD: RolloutPeriod = ROLLOUT_PERIODS[1];

/** The period a page's `periode` parameter names; the default for none or one no form offers. */
export function rolloutPeriod(id: unknown): RolloutPeriod {
  return ROLLOUT_PERIODS.find((period) => period.id === id) ?? DEFAULT_ROLLOUT_PERIOD;
}

/** The first instant the period covers, ending at `now`. */
export function rolloutPeriodStart(period: RolloutPeriod, now: Date): Date {
  return new Date(now.getTime() - period.days * 86_400_000);
}
