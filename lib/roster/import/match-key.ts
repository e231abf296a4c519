/**
 * How a line of a file is matched with a professional already in the roster on a new import: by
 * RPPS number when there is one, otherwise by last name + first name + birth date, compared without
 * case, accents or punctuation. The database layer computes the same key for stored professionals.
 *
 * Public API: `rosterMatchKey`, `personKey`, `nameKey`.
 */
import { dayToIsoDate, toDay } from "../dates";
import { normalizePersonName } from "../template/normalize";

/** Last name + first name, as compared: « Ève-Marie » and « EVE MARIE » are the same. */
export function nameKey(lastName: string, firstName: string): string {
  return `${normalizePersonName(lastName)}|${normalizePersonName(firstName)}`;
}

/** Last name + first name + birth date, as compared. */
export function personKey(lastName: string, firstName: string, birthDate: Date): string {
  return `${nameKey(lastName, firstName)}|${dayToIsoDate(toDay(birthDate))}`;
}

/** Null when there is neither an RPPS number nor a birth date: such a line cannot be matched. */
export function rosterMatchKey(person: {
  rpps: string | null;
  lastName: string;
  firstName: string;
  birthDate: Date | null;
}): string | null {
  if (person.rpps !== null) return `rpps:${person.rpps}`;
  if (person.birthDate === null) return null;
  return `personne:${personKey(person.lastName, person.firstName, person.birthDate)}`;
}
