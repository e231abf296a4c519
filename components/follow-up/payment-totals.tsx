import { fr } from "@codegouvfr/react-dsfr";
import type { TrancheTotals } from "@/lib/follow-up/tranche-totals";
import { formatEuros, formatPercent } from "@/lib/format/numbers";

/** What the wave's grants have paid so far, what is ordered, what is due, and what waits for validation. */
export function PaymentTotals({ totals, envelopeCents }: { totals: TrancheTotals; envelopeCents: bigint }) {
  // To the tenth, as the decisions' gauge: 146 500 € of 25 M€ is « 0,6 % », not « 1 % ».
  const paid = envelopeCents > 0n ? Number((totals.PAID * 10_000n) / envelopeCents) / 10_000 : 0;
  return (
    <div className={fr.cx("fr-mb-4w")}>
      <label htmlFor="jauge-versements" className={fr.cx("fr-label")}>
        Versés : {formatEuros(totals.PAID)} sur {formatEuros(envelopeCents)} d&apos;enveloppe ({formatPercent(paid, "tenth")})
      </label>
      <progress id="jauge-versements" max={100} value={Math.min(paid * 100, 100)} style={{ width: "100%", height: "1rem" }}>
        {formatPercent(paid, "tenth")}
      </progress>
      <ul className={fr.cx("fr-hint-text")}>
        <li>Versé : {formatEuros(totals.PAID)}</li>
        <li>Ordonnancé, en attente de paiement : {formatEuros(totals.ORDERED)}</li>
        <li>Dû, à ordonnancer : {formatEuros(totals.DUE)}</li>
        <li>Solde à la validation des résultats : {formatEuros(totals.PLANNED)}</li>
        {totals.CANCELLED > 0n ? <li>Soldes annulés, résultats refusés : {formatEuros(totals.CANCELLED)}</li> : null}
      </ul>
    </div>
  );
}
