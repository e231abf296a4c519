import { addYears, formatDayFr, parisToday, toDay, type Day } from "./dates";

/**
 * Days a roster records as already past: a birth date and the day the RPPS registration was
 * checked. One typed in the future (2099 for 2019) would hide a check due in two years forever
 * (verdicts.ts only flags an old check, and an import keeps the latest), so the form, an import
 * line and a bulk action all refuse it, with the same words. A birth year before 1900 is a typo
 * too (1000 for 2000). The establishment's entitlement procedure is declared as adopted, not
 * planned: objective 1 counts it from that day (`entitlementProcedureInForce`).
 */
export const PAST_DAYS = {
  birthDate: "La date de naissance",
  rppsCheckedAt: "La date de vérification RPPS",
  entitlementProcedureAdoptedOn: "La date d'adoption de la procédure",
} as const;

const EARLIEST_BIRTH_DAY = toDay("1900-01-01");

/** The sentence refusing `day` for `field`, or null when the day is plausible: not after today (in Paris), a birth not before 1900. */
export function implausibleDayProblem(field: keyof typeof PAST_DAYS, day: Day, today: Day = toDay(parisToday())): string | null {
  if (day > today) return `${PAST_DAYS[field]} (${formatDayFr(day)}) ne peut pas être postérieure à aujourd'hui.`;
  if (field === "birthDate" && day < EARLIEST_BIRTH_DAY)
    return `${PAST_DAYS[field]} (${formatDayFr(day)}) est antérieure à 1900 : vérifiez l'année.`;
  return null;
}

/** The youngest anyone starts working in an establishment (apprentices, from 15). */
export const YOUNGEST_AT_START = 15;

/**
 * A birth date against the start of activity, for the form and an import line alike: it must come
 * first, and by at least `YOUNGEST_AT_START` years; closer, it is a year typed for another (an
 * Excel day count read as a date, the start's year in the birth's place).
 */
export function birthAndStartProblem(birth: Day, start: Day): string | null {
  if (birth >= start) return `La date de naissance (${formatDayFr(birth)}) doit précéder le début d'activité (${formatDayFr(start)}).`;
  if (addYears(birth, YOUNGEST_AT_START) > start)
    return `La date de naissance (${formatDayFr(birth)}) donne moins de ${YOUNGEST_AT_START} ans au début d'activité (${formatDayFr(start)}) : vérifiez l'année.`;
  return null;
}
