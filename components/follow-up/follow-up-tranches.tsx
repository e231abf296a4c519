import { fr } from "@codegouvfr/react-dsfr";
import { DataTable } from "@/components/dsfr/data-table";
import type { FollowUp } from "@/lib/follow-up/get-follow-up";
import { TRANCHE_LABELS } from "@/lib/follow-up/tranches";
import { formatEuros } from "@/lib/format/numbers";
import { TrancheStatusBadge, trancheStatusDetail } from "./tranche-status";

/** The grant's payment schedule as recorded: each tranche with its state, its days and its payment reference. */
export function FollowUpTranches({ followUp }: { followUp: FollowUp }) {
  return (
    <section aria-labelledby="versements-titre" className={fr.cx("fr-mb-6w")}>
      <h2 id="versements-titre">Versements</h2>
      {followUp.tranches.length === 0 ? (
        <p>L&apos;échéancier des versements n&apos;est pas encore fixé par le programme.</p>
      ) : (
        <DataTable caption="Tranches de la subvention">
          <thead>
            <tr>
              <th scope="col">Tranche</th>
              <th scope="col">Montant</th>
              <th scope="col">État</th>
              <th scope="col">Détail</th>
            </tr>
          </thead>
          <tbody>
            {followUp.tranches.map((tranche) => (
              <tr key={tranche.kind}>
                <th scope="row">{TRANCHE_LABELS[tranche.kind]}</th>
                <td>{formatEuros(tranche.amountCents)}</td>
                <td>
                  <TrancheStatusBadge status={tranche.status} />
                </td>
                <td>{trancheStatusDetail(tranche)}</td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      )}
    </section>
  );
}
