/**
 * A wave's funding envelope, typed in whole euros the French way (« 25 000 000 », « 3000000 € »)
 * and stored in cents. Separate from the dossier's budget amounts (lib/applications/euro-amount.ts):
 * an envelope has no cents and its ceiling is the programme's, not a budget line's.
 */

/** CaRE as a whole is under a billion euros: anything above is a typing mistake. */
export const MAX_ENVELOPE_EUROS = 1_000_000_000n;

export type EnvelopeResult = { ok: true; cents: bigint } | { ok: false; message: string };

export function parseEnvelope(text: string): EnvelopeResult {
  const compact = text.replace(/[\s\u00a0\u202f]/g, "").replace(/(€|eur)$/i, "");
  if (compact === "") return { ok: false, message: "Indiquez le montant de l'enveloppe, en euros." };
  if (!/^\d+$/.test(compact)) {
    return { ok: false, message: "Indiquez un montant entier en euros, sans centimes, par exemple « 25 000 000 »." };
  }
  const euros = BigInt(compact);
  if (euros === 0n) return { ok: false, message: "Indiquez une enveloppe supérieure à 0 €." };
  if (euros > MAX_ENVELOPE_EUROS) return { ok: false, message: "Le montant dépasse un milliard d'euros : vérifiez la saisie." };
  return { ok: true, cents: euros * 100n };
}

/** « 25 000 000 », to fill the form field again (whole euros: an envelope has no cents). */
export function formatEnvelopeInput(cents: bigint): string {
  return (cents / 100n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, " ");
}
