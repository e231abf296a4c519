import { fr } from "@codegouvfr/react-dsfr";
import { OverdueBadge } from "@/components/dsfr/badge";
import Link from "next/link";
import { DataTable } from "@/components/dsfr/data-table";
import { PageLinks } from "@/components/dsfr/page-links";
import { listVerificationQueue, verificationQueueTiers, ZVerificationQueueQuery } from "@/lib/follow-up/list-verification-queue";
import { TIER_LABELS, VERIFICATION_STATE_LABELS } from "@/lib/follow-up/verification-machine";
import { regionName } from "@/lib/establishments/territories";
import { guardPage, guardedTitledPage } from "@/lib/http/page-guard";
import { formatParisDateTime } from "@/lib/time/paris";
import { readListFilters } from "@/lib/http/list-filters";

const guarded = guardedTitledPage("/instruction/suivi", "Déclarations de résultats à vérifier", verificationQueueTiers);
export const generateMetadata = guarded.generateMetadata;

export default async function VerificationQueuePage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const { viewer, path } = await guarded.load();
  const query = readListFilters(ZVerificationQueueQuery, await searchParams);
  const queue = await guardPage(viewer, path, () => listVerificationQueue(viewer, query));
  const tiers = queue.tiers.map((tier) => `l'${TIER_LABELS[tier]}`).join(" et ");
  return (
    <>
      <h1>Déclarations de résultats à vérifier</h1>
      <p>
        Les déclarations de résultats des dossiers retenus qui attendent la décision de {tiers}, la plus proche de son échéance en premier.
      </p>
      {queue.total === 0 ? (
        <p>Aucune déclaration n&apos;attend votre vérification.</p>
      ) : (
        <>
          <p role="status">
            {queue.total} déclaration{queue.total > 1 ? "s" : ""} à traiter
          </p>
          <DataTable caption="Déclarations qui attendent votre décision">
            <thead>
              <tr>
                <th scope="col">Établissement</th>
                <th scope="col">Région</th>
                <th scope="col">Vague</th>
                <th scope="col">Étape</th>
                <th scope="col">Déclarée le (heure de Paris)</th>
                <th scope="col">Échéance (heure de Paris)</th>
              </tr>
            </thead>
            <tbody>
              {queue.items.map((item) => (
                <tr key={item.applicationId}>
                  <td>
                    <Link href={`/instruction/suivi/${item.applicationId}`}>{item.establishment}</Link>
                    {item.projectTitle ? <span className={fr.cx("fr-hint-text")}>{item.projectTitle}</span> : null}
                  </td>
                  <td>{regionName(item.regionCode)}</td>
                  <td>{item.wave}</td>
                  <td>{VERIFICATION_STATE_LABELS[item.state]}</td>
                  <td>{formatParisDateTime(item.declaredAt)}</td>
                  <td>
                    {formatParisDateTime(item.dueAt)}
                    <OverdueBadge overdue={item.overdue} />
                  </td>
                </tr>
              ))}
            </tbody>
          </DataTable>
          <PageLinks page={queue.page} pageCount={queue.pageCount} href={(page) => `/instruction/suivi?page=${page}`} />
        </>
      )}
    </>
  );
}
