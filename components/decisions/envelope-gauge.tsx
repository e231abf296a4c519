import { fr } from "@codegouvfr/react-dsfr";
import { formatEuros } from "@/lib/format/numbers";

/** The wave's envelope against the grants of the proposals so far (released, or staged and not replaced). */
export function EnvelopeGauge({ grantedCents, envelopeCents }: { grantedCents: bigint; envelopeCents: bigint }) {
  const share = envelopeCents > 0n ? Number((grantedCents * 1000n) / envelopeCents) / 10 : 0;
  const over = grantedCents > envelopeCents;
  return (
    <div className={fr.cx("fr-mb-4w")}>
      <label htmlFor="jauge-enveloppe" className={fr.cx("fr-label")}>
        Enveloppe : {formatEuros(grantedCents)} accordés par les propositions sur {formatEuros(envelopeCents)} (
        {share.toLocaleString("fr-FR")} %)
      </label>
      <progress
        id="jauge-enveloppe"
        max={100}
        value={Math.min(share, 100)}
        style={{ width: "100%", height: "1rem", accentColor: over ? "var(--background-flat-error)" : undefined }}
      >
        {share.toLocaleString("fr-FR")} %
      </progress>
      {over ? (
        <p className={fr.cx("fr-error-text")}>
          L&apos;enveloppe est dépassée de {formatEuros(grantedCents - envelopeCents)} : chaque dépassement a été justifié et inscrit au
          journal.
        </p>
      ) : (
        <p className={fr.cx("fr-hint-text")}>Reste à accorder : {formatEuros(envelopeCents - grantedCents)}.</p>
      )}
    </div>
  );
}
