import { formatDayFr, parisToday, toDay, type Day } from "./dates";

/**
 * Days a roster records as already past: a birth date and the day the RPPS registration was
 * checked. One typed in the future (2099 for 2019) would hide a check due in two years forever
 * (verdicts.ts only flags an old check, and an import keeps the latest), so the form, an import
 * line and a bulk action all refuse it, with the same words.
 */
export const PAST_DAYS = {
  birthDate: "La date de naissance",
  rppsCheckedAt: "La date de vérification RPPS",
} as const;

/** The sentence refusing `day` for `field`, or null when the day is not after today (in Paris). */
export function futureDayProblem(field: keyof typeof PAST_DAYS, day: Day, today: Day = toDay(parisToday())): string | null {
  return day > today ? `${PAST_DAYS[field]} (${formatDayFr(day)}) ne peut pas être postérieure à aujourd'hui.` : null;
}
