const integer = new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 0 });
const euros = new Intl.NumberFormat("fr-FR", { style: "currency", currency: "EUR", maximumFractionDigits: 0 });
const percent = new Intl.NumberFormat("fr-FR", { style: "percent", maximumFractionDigits: 0 });

/** « 2 009 » (French thousands separator) */
export function formatInteger(value: number): string {
  return integer.format(value);
}

/** Amounts are stored in cents: « 25 000 000 € » */
export function formatEuros(cents: bigint): string {
  return euros.format(Number(cents / 100n));
}

/** « 42 % » from a share between 0 and 1. */
export function formatPercent(share: number): string {
  return percent.format(share);
}
