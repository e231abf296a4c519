import { fr } from "@codegouvfr/react-dsfr";
import { Badge } from "@codegouvfr/react-dsfr/Badge";
import { DataTable } from "@/components/dsfr/data-table";
import type { FollowUp } from "@/lib/follow-up/get-follow-up";
import { TRANCHE_LABELS, TRANCHE_STATUS_LABELS } from "@/lib/follow-up/tranches";
import { formatEurosAndCents } from "@/lib/format/numbers";

/** The grant's payment schedule: the advance due since selection, the balance on validation. */
export function FollowUpTranches({ followUp }: { followUp: FollowUp }) {
  return (
    <section aria-labelledby="versements-titre" className={fr.cx("fr-mb-6w")}>
      <h2 id="versements-titre">Versements</h2>
      {followUp.tranches === null ? (
        <p>L&apos;échéancier des versements n&apos;est pas encore fixé par le programme.</p>
      ) : (
        <DataTable caption="Tranches de la subvention">
          <thead>
            <tr>
              <th scope="col">Tranche</th>
              <th scope="col">Montant</th>
              <th scope="col">État</th>
            </tr>
          </thead>
          <tbody>
            {followUp.tranches.map((tranche) => (
              <tr key={tranche.kind}>
                <th scope="row">{TRANCHE_LABELS[tranche.kind]}</th>
                <td>{formatEurosAndCents(tranche.amountCents)}</td>
                <td>
                  <Badge noIcon small severity={tranche.status === "DUE" ? "new" : "info"}>
                    {TRANCHE_STATUS_LABELS[tranche.status]}
                  </Badge>
                </td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      )}
    </section>
  );
}
