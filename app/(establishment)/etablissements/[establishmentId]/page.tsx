import { fr } from "@codegouvfr/react-dsfr";
import type { Metadata } from "next";
import Link from "next/link";
import { canAccessEstablishment } from "@/lib/access/policy";
import { listEstablishmentDossiers } from "@/lib/applications/list-establishment-dossiers";
import { STATE_LABELS } from "@/lib/applications/state-machine";
import { getEstablishment } from "@/lib/establishments/queries";
import { departmentName, regionName } from "@/lib/establishments/territories";
import { requireViewer } from "@/lib/identity/current-viewer";
import { guardPage } from "@/lib/http/page-guard";

export const metadata: Metadata = { title: "Établissement" };

export default async function EstablishmentPage({ params }: { params: Promise<{ establishmentId: string }> }) {
  const { establishmentId } = await params;
  const path = `/etablissements/${establishmentId}`;
  const viewer = await requireViewer(path);
  const establishment = await guardPage(viewer, path, () => getEstablishment(viewer, establishmentId));
  const dossiers = await listEstablishmentDossiers(viewer, establishmentId);

  return (
    <>
      <h1>{establishment.name}</h1>
      <p className={fr.cx("fr-text--lead")}>
        {establishment.category.label} – {establishment.city}, {departmentName(establishment.departmentCode)} ({regionName(establishment.regionCode)})
      </p>
      <dl>
        <dt>FINESS de l&apos;établissement (ET)</dt>
        <dd>{establishment.finessEt}</dd>
        <dt>FINESS de l&apos;entité juridique (EJ)</dt>
        <dd>{establishment.finessEj}</dd>
        {establishment.siret ? (
          <>
            <dt>SIRET</dt>
            <dd>{establishment.siret}</dd>
          </>
        ) : null}
        <dt>Effectif</dt>
        <dd>{establishment.headcount} professionnels</dd>
        {establishment.ght ? (
          <>
            <dt>GHT</dt>
            <dd>{establishment.ght}</dd>
          </>
        ) : null}
      </dl>
      <section aria-labelledby="dossiers-titre" className={fr.cx("fr-mb-4w")}>
        <h2 id="dossiers-titre">Dossiers de candidature</h2>
        {dossiers.length === 0 ? (
          <p>Aucun dossier pour l&apos;instant.</p>
        ) : (
          <ul>
            {dossiers.map((dossier) => (
              <li key={dossier.id}>
                <Link href={`/dossiers/${dossier.id}`}>{dossier.wave.title}</Link> – {STATE_LABELS[dossier.state]}
                {dossier.projectTitle ? ` – ${dossier.projectTitle}` : ""}
              </li>
            ))}
          </ul>
        )}
      </section>
      <ul className={fr.cx("fr-btns-group", "fr-btns-group--inline-md")}>
        {canAccessEstablishment(viewer, establishment.id, "edit") ? (
          <li>
            <Link className={fr.cx("fr-btn", "fr-btn--secondary")} href={`/etablissements/${establishment.id}/profil`}>
              Modifier le profil
            </Link>
          </li>
        ) : null}
        <li>
          <Link className={fr.cx("fr-btn", "fr-btn--secondary")} href={`/etablissements/${establishment.id}/membres`}>
            Équipe ({establishment.memberships.length})
          </Link>
        </li>
      </ul>
    </>
  );
}
