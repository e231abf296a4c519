import type { Metadata } from "next";
import { ImportUpload } from "@/components/roster/import-upload";
import { authorizeEstablishment } from "@/lib/access/policy";
import { UPLOAD_LIMITS } from "@/lib/config/upload-limits";
import { getEstablishment } from "@/lib/establishments/queries";
import { guardPage } from "@/lib/http/page-guard";
import { requireViewer } from "@/lib/identity/current-viewer";
import { pageParams, RouteParam } from "@/lib/http/route-params";
import { Breadcrumb, crumb } from "@/components/dsfr/breadcrumb";

export const metadata: Metadata = { title: "Importer des professionnels" };

export default async function RosterImportPage({ params }: { params: Promise<{ establishmentId: string }> }) {
  const { establishmentId } = await pageParams(params, { establishmentId: RouteParam.id });
  const path = `/etablissements/${establishmentId}/professionnels/import`;
  const viewer = await requireViewer(path);
  const establishment = await guardPage(viewer, path, async () => {
    authorizeEstablishment(viewer, establishmentId, "edit");
    return getEstablishment(viewer, establishmentId);
  });
  return (
    <>
      <Breadcrumb
        segments={[
          crumb(establishment.name, `/etablissements/${establishmentId}`),
          crumb("Registre des professionnels", `/etablissements/${establishmentId}/professionnels`),
        ]}
        current="Importer des professionnels"
      />
      <h1>Importer des professionnels</h1>
      <p>
        Dans le registre de {establishment.name}. Un professionnel déjà présent est mis à jour, pas dupliqué : il est reconnu par son numéro
        RPPS, ou à défaut par ses nom, prénom et date de naissance.
      </p>
      <ul>
        <li>
          Le modèle HospiConnect :{" "}
          <a href="/api/roster/template?format=xlsx" download>
            modèle Excel
          </a>{" "}
          ou{" "}
          <a href="/api/roster/template?format=csv" download>
            modèle CSV
          </a>
          . Un export du registre a le même format : vous pouvez l&apos;exporter, le compléter et l&apos;importer.
        </li>
        <li>
          L&apos;extrait « Personne activité » de l&apos;Annuaire Santé : seules les lignes du FINESS {establishment.finessEt} sont lues.
        </li>
      </ul>
      <ImportUpload establishmentId={establishmentId} maxBytes={UPLOAD_LIMITS.rosterImportBytes} />
    </>
  );
}
