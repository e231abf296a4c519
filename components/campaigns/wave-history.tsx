import { fr } from "@codegouvfr/react-dsfr";
import { DataTable } from "@/components/dsfr/data-table";
import type { WaveConfiguration } from "@/lib/campaigns/get-wave-configuration";
import { extensionAudience } from "@/lib/campaigns/extension-audience";
import { checkExtensionWithdrawal } from "@/lib/campaigns/wave-rules";
import { formatParisDateTime } from "@/lib/time/paris";
import { WithdrawExtensionButton } from "./withdraw-extension-button";

/** The wave's versions of objectives and grid, newest first, with the dossiers each one holds. */
export function WaveVersionsTable({ versions }: { versions: WaveConfiguration["versions"] }) {
  return (
    <DataTable caption="Versions des objectifs et de la grille">
      <thead>
        <tr>
          <th scope="col">Version</th>
          <th scope="col">Créée le</th>
          <th scope="col">Figée depuis</th>
          <th scope="col">Dossiers rattachés</th>
        </tr>
      </thead>
      <tbody>
        {versions.map((version) => (
          <tr key={version.id}>
            <td>{version.number}</td>
            <td>
              {formatParisDateTime(version.createdAt)}
              {version.createdBy ? ` par ${version.createdBy.displayName}` : ""}
            </td>
            <td>{version.frozenAt ? formatParisDateTime(version.frozenAt) : "–"}</td>
            <td>{version._count.applications}</td>
          </tr>
        ))}
      </tbody>
    </DataTable>
  );
}

/**
 * Extensions granted on the wave, by closing date, each with « Retirer » while withdrawing it
 * leaves no deposit late (`checkExtensionWithdrawal`, ADR 0038), or why not.
 */
export function ExtensionsTable({
  wave,
  extensions,
}: {
  wave: { id: string; closesAt: Date };
  extensions: WaveConfiguration["extensions"];
}) {
  if (extensions.length === 0) return <p>Aucune prolongation accordée sur cette vague.</p>;
  return (
    <DataTable caption="Prolongations accordées">
      <thead>
        <tr>
          <th scope="col">Établissement</th>
          <th scope="col">Nouvelle date limite</th>
          <th scope="col">Motif</th>
          <th scope="col">Accordée</th>
          <th scope="col">Retrait</th>
        </tr>
      </thead>
      <tbody>
        {extensions.map((extension) => {
          const [blocked] = checkExtensionWithdrawal(
            { establishment: extension.establishment.name },
            wave,
            extension.establishment.applications[0]?.submissions[0]?.receivedAt ?? null,
          );
          return (
            <tr key={extension.id}>
              <td>
                {extension.establishment.name}
                <br />
                <span className={fr.cx("fr-text--sm")}>FINESS {extension.establishment.finessEt}</span>
              </td>
              <td>{formatParisDateTime(extension.closesAt)}</td>
              <td>{extension.reason}</td>
              <td>
                le {formatParisDateTime(extension.createdAt)}
                {extension.grantedBy ? ` par ${extension.grantedBy.displayName}` : ""}
              </td>
              <td>
                {blocked ? (
                  <span className={fr.cx("fr-text--sm")}>{blocked.message}</span>
                ) : (
                  <WithdrawExtensionButton
                    waveId={wave.id}
                    extensionId={extension.id}
                    establishment={extension.establishment.name}
                    waveClosesAt={wave.closesAt}
                    audience={extensionAudience(extension.establishment)}
                  />
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </DataTable>
  );
}
