import { formatEuros } from "@/lib/format/numbers";

/**
 * Amounts in euros as a French user types them, and back.
 *
 * - `parseEuroAmount("12 500,50")` → `{ ok: true, cents: 1250050n }`, or `{ ok: false, message }`
 * - `formatEuroAmountInput(1250050n)` → "12 500,50" (to fill the form field again)
 * - to display an amount, `formatEuros` of `lib/format/numbers.ts`
 *
 * Accepted: spaces (ordinary, non-breaking, narrow) between thousands, a trailing « € » or
 * « EUR », a comma as the decimal mark, dots between thousands (« 12.500,50 »), and a dot as the
 * decimal mark when it cannot be a thousands separator (« 12500.5 »). « 12.500 » is refused as
 * ambiguous (12 500 € or 12,50 €?) rather than guessed: a wrong guess would be off by 1,000.
 * Arithmetic stays in bigint cents: no binary floating point ever touches an amount.
 */

/** A single line above 100 million euros is a typing mistake (the 2025 wave's envelope is 25 M€). */
export const MAX_AMOUNT_CENTS = 100_000_000_00n;

export type EuroAmountResult = { ok: true; cents: bigint } | { ok: false; message: string };

const SPACES = /[\s\u00a0\u202f\u2009]/g;
const CURRENCY = /(€|eur)$/i;
/** Integer part, digits or dotted thousands, then an optional comma and decimals. */
const COMMA_DECIMAL = /^(\d+|\d{1,3}(?:\.\d{3})+)(?:,(\d*))?$/;
const DOT_DECIMAL = /^(\d+)\.(\d+)$/;
/** One dot followed by exactly three digits, and no comma: thousands or decimals? */
const AMBIGUOUS_DOT = /^(\d+)\.(\d{3})$/;

export function parseEuroAmount(text: string): EuroAmountResult {
  const compact = text.replace(SPACES, "").replace(CURRENCY, "");
  if (compact === "") return { ok: false, message: "Indiquez un montant." };
  if (/^[-−]/.test(compact)) return { ok: false, message: "Le montant ne peut pas être négatif." };

  const ambiguous = AMBIGUOUS_DOT.exec(compact);
  if (ambiguous) {
    const [, left, right] = ambiguous;
    return {
      ok: false,
      message: `Montant ambigu : écrivez « ${left} ${right} » pour des milliers, ou séparez les centimes par une virgule.`,
    };
  }
  const parts = COMMA_DECIMAL.exec(compact) ?? DOT_DECIMAL.exec(compact);
  if (!parts) return { ok: false, message: "Indiquez un montant en euros, par exemple « 12 500,50 »." };
  const integer = (parts[1] ?? "").replaceAll(".", "");
  const decimals = parts[2] ?? "";
  if (decimals.length > 2) {
    return { ok: false, message: "Le montant ne peut pas avoir plus de deux décimales (centimes)." };
  }
  const cents = BigInt(integer) * 100n + BigInt(decimals.padEnd(2, "0"));
  if (cents > MAX_AMOUNT_CENTS) {
    return { ok: false, message: `Le montant dépasse le plafond de ${formatEuros(MAX_AMOUNT_CENTS)}.` };
  }
  return { ok: true, cents };
}

function groupThousands(digits: string, separator: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, separator);
}

function split(cents: bigint): { euros: string; centimes: string } {
  if (cents < 0n) throw new RangeError("Negative amount");
  return { euros: (cents / 100n).toString(), centimes: (cents % 100n).toString().padStart(2, "0") };
}

/** Plain spaces, so that the user can edit the value as they typed it. */
export function formatEuroAmountInput(cents: bigint): string {
  const { euros, centimes } = split(cents);
  return groupThousands(euros, " ") + (centimes === "00" ? "" : `,${centimes}`);
}
