/**
 * « 23 h 59 », « 9 h 05 », « 14 h 00 »; « 23 h 59 min 59 s » to the second: how the app writes a time
 * of day for a reader (pages, e-mails, PDFs, error messages). lib/time/paris.ts reads the clock in
 * Paris and writes through this; nothing else writes an hour and its minutes.
 *
 * The rule, after the Lexique des règles typographiques en usage à l'Imprimerie nationale (entry
 * « Heure », and its spaces between a number and its unit): the symbol « h » between
 * the hour and the minutes, a space either side, the hour without a leading zero (« 9 h 05 »,
 * midnight « 0 h 30 »), the minutes in two digits; with seconds, « min » and « s » as units
 * (« 23 h 59 min 59 s »), never « 23:59:59 ». The colon is for machines and spreadsheets: the
 * exports keep « 13/02/2026 23:59 », which a French spreadsheet reads as a date and time
 * (`formatParisNumericDateTime`).
 * One choice of ours: the minutes are always written, « 14 h 00 » on the hour, where the Lexique
 * allows « 14 h ». Most times the app writes are deadlines, to the minute (a deposit at 14 h 00 min
 * 59 s is late for « 14 h 00 »), and one form for all keeps lists of times alike.
 * The spaces are no-break spaces (U+00A0), as before « € » and « % » (lib/format/numbers.ts): no
 * line ends inside a time.
 */
export function formatTimeOfDay({ hour, minute, second }: { hour: number; minute: number; second?: number }): string {
  const check = (value: number, below: number) => {
    if (!Number.isInteger(value) || value < 0 || value >= below) throw new RangeError(`Not a time of day: ${hour}, ${minute}, ${second}`);
    return value;
  };
  const twoDigits = (value: number) => String(value).padStart(2, "0");
  const time = `${check(hour, 24)}\u00a0h\u00a0${twoDigits(check(minute, 60))}`;
  return second === undefined ? time : `${time}\u00a0min\u00a0${twoDigits(check(second, 60))}\u00a0s`;
}
