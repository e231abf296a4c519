const integer = new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 0 });
const decimal = new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 1 });
const tenths = new Intl.NumberFormat("fr-FR", { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const euros = new Intl.NumberFormat("fr-FR", { style: "currency", currency: "EUR", maximumFractionDigits: 0 });
const percent = new Intl.NumberFormat("fr-FR", { style: "percent", maximumFractionDigits: 0 });
const percentToTenth = new Intl.NumberFormat("fr-FR", { style: "percent", maximumFractionDigits: 1 });

/** « 2 009 » (French thousands separator) */
export function formatInteger(value: number): string {
  return integer.format(value);
}

/**
 * « 1 dossier attribué », « 3 dossiers attribués »: a count and its words agreed with it (French
 * takes the singular for 0 and 1), instead of « dossier(s) attribué(s) », which screen readers spell out.
 */
export function formatCount(count: number, one: string, many: string): string {
  return `${integer.format(count)} ${count >= 2 ? many : one}`;
}

/**
 * A computed mean or weighted sum carries binary noise: 0.3 × 4 + 0.7 × 3.5 is 3.6499999999999995,
 * which one decimal shows as « 3,6 » where the reviewers' notes give 3.65, « 3,7 ». Twelve
 * significant digits keep every real difference and drop the noise.
 */
const withoutNoise = (value: number) => Number(value.toPrecision(12));

/** « 72,5 », « 72 »: a measure to one decimal at most. */
export function formatDecimal(value: number): string {
  return decimal.format(withoutNoise(value));
}

/** « 72,5 », « 72,0 »: a note or a score to the tenth, as the grids and the letters give them; « – » for none. */
export function formatScore(value: number | null | undefined): string {
  return value === null || value === undefined ? "–" : tenths.format(withoutNoise(value));
}

const plainTenths = new Intl.NumberFormat("en-US", { minimumFractionDigits: 1, maximumFractionDigits: 1, useGrouping: false });

/**
 * The number `formatScore` writes (81.176… → 81.2), rounded by the same formatter's rule, so that a
 * figure computed from scores as shown agrees with them to the digit.
 */
export function scoreToTenth(value: number): number {
  return Number(plainTenths.format(withoutNoise(value)));
}

/**
 * Amounts are stored in cents: « 25 000 000 € », and to the cent when there are cents
 * (« 32 345,67 € »), so that the figures of a page add up (granted + left = envelope).
 */
export function formatEuros(cents: bigint): string {
  return cents % 100n === 0n ? euros.format(Number(cents / 100n)) : formatEurosAndCents(cents);
}

/**
 * « 3 000,00 € »: always to the cent, computed on the bigint so that no float rounds a cent away;
 * for the e-mails that announce a payment. Pages write every amount with `formatEuros`, one rule
 * for a column and its total.
 */
export function formatEurosAndCents(cents: bigint): string {
  const sign = cents < 0n ? "-" : "";
  const absolute = cents < 0n ? -cents : cents;
  return `${sign}${integer.format(absolute / 100n)},${String(absolute % 100n).padStart(2, "0")}\u00a0€`;
}

/**
 * « 42 % » from a share between 0 and 1, rounded; « 59,6 % » to the tenth when asked. To the tenth
 * (the gauges of an envelope), a share that is not nothing never reads « 0 % » (a payment made, 6
 * 172,84 € of 25 M€, is « moins de 0,1 % »), nor one short of the whole « 100 % ».
 */
export function formatPercent(share: number, to: "unit" | "tenth" = "unit"): string {
  if (to === "unit") return percent.format(share);
  if (share > 0 && share < 0.0005) return `moins de ${percentToTenth.format(0.001)}`;
  if (share > 0.9995 && share < 1) return `plus de ${percentToTenth.format(0.999)}`;
  return percentToTenth.format(share);
}
