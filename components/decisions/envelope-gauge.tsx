import { fr } from "@codegouvfr/react-dsfr";
import type { Route } from "next";
import Link from "next/link";
import type { TrancheTotals } from "@/lib/follow-up/tranche-totals";
import { formatEuros, formatPercent } from "@/lib/format/numbers";

/**
 * The wave's envelope against the grants of the proposals so far (released, or staged and not
 * replaced), and what the released grants' tranches have paid and still owe.
 */
export function EnvelopeGauge({
  grantedCents,
  envelopeCents,
  payments,
}: {
  grantedCents: bigint;
  envelopeCents: bigint;
  /** On the decisions board: the wave's tranches by state, and the link to its payments page. */
  payments?: { totals: TrancheTotals; href: Route };
}) {
  const share = envelopeCents > 0n ? Number(grantedCents) / Number(envelopeCents) : 0;
  const over = grantedCents > envelopeCents;
  return (
    <div className={fr.cx("fr-mb-4w")}>
      <label htmlFor="jauge-enveloppe" className={fr.cx("fr-label")}>
        Enveloppe : {formatEuros(grantedCents)} accordés par les propositions sur {formatEuros(envelopeCents)} (
        {formatPercent(share, "tenth")})
      </label>
      <progress
        id="jauge-enveloppe"
        max={100}
        value={Math.min(share * 100, 100)}
        style={{ width: "100%", height: "1rem", accentColor: over ? "var(--background-flat-error)" : undefined }}
      >
        {formatPercent(share, "tenth")}
      </progress>
      {over ? (
        <p className={fr.cx("fr-error-text")}>
          L&apos;enveloppe est dépassée de {formatEuros(grantedCents - envelopeCents)} : toute proposition qui augmente encore les montants
          accordés devra être justifiée.
        </p>
      ) : (
        <p className={fr.cx("fr-hint-text")}>Reste à accorder : {formatEuros(envelopeCents - grantedCents)}.</p>
      )}
      {payments ? (
        <p className={fr.cx("fr-text--sm", "fr-mb-0")}>
          Versé : {formatEuros(payments.totals.PAID)} · ordonnancé, à payer : {formatEuros(payments.totals.ORDERED)} · dû, à ordonnancer :{" "}
          {formatEuros(payments.totals.DUE)} · solde à la validation des résultats : {formatEuros(payments.totals.PLANNED)}
          {payments.totals.CANCELLED > 0n
            ? ` · soldes annulés, résultats refusés : ${formatEuros(payments.totals.CANCELLED)}`
            : null} – <Link href={payments.href}>Versements de la vague</Link>
        </p>
      ) : null}
    </div>
  );
}
