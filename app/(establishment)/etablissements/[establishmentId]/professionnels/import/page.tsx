import type { Metadata } from "next";
import { ArrivalNotice } from "@/components/forms/focus-on-arrival";
import { ImportUpload } from "@/components/roster/import-upload";
import { TemplateGuide } from "@/components/roster/template-guide";
import { listProfessions } from "@/lib/roster/professions";
import { rosterTemplateHref } from "@/lib/roster/roster-query-string";
import { UPLOAD_LIMITS } from "@/lib/config/upload-limits";
import { getEditableEstablishment } from "@/lib/establishments/queries";
import { guardedPageLoad } from "@/lib/http/page-guard";
import { pageParams, RouteParam } from "@/lib/http/route-params";
import { Breadcrumb, crumb } from "@/components/dsfr/breadcrumb";
import { ofName } from "@/lib/format/elision";

const PARAMS = { establishmentId: RouteParam.id };
type Props = { params: Promise<{ establishmentId: string }>; searchParams: Promise<{ abandon?: string }> };

/** What the page says on arrival from an abandoned preview (`?abandon=…`). */
const IMPORT_ABANDONED = "L'import est abandonné : son fichier a été supprimé et rien n'a été enregistré dans le registre.";

const loadEstablishment = guardedPageLoad(
  (establishmentId: string) => `/etablissements/${establishmentId}/professionnels/import`,
  getEditableEstablishment,
);

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { establishmentId } = await pageParams(params, PARAMS);
  const establishment = (await loadEstablishment(establishmentId)).record;
  return { title: `Importer des professionnels – ${establishment.name}` };
}

export default async function RosterImportPage({ params, searchParams }: Props) {
  const { establishmentId } = await pageParams(params, PARAMS);
  const [{ record: establishment }, professions] = await Promise.all([loadEstablishment(establishmentId), listProfessions()]);
  const abandoned = (await searchParams).abandon;
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
      {abandoned ? <ArrivalNotice key={abandoned} message={IMPORT_ABANDONED} /> : null}
      <p>
        Dans le registre {ofName(establishment.name)}. Un professionnel déjà présent est mis à jour, pas dupliqué : il est reconnu par son
        numéro RPPS, ou à défaut par ses nom, prénom et date de naissance.
      </p>
      <ul>
        <li>
          Le modèle HospiConnect : <a href={rosterTemplateHref("xlsx")}>modèle Excel</a> ou{" "}
          <a href={rosterTemplateHref("csv")}>modèle CSV</a>. Un export du registre a le même format : vous pouvez l&apos;exporter, le
          compléter et l&apos;importer.
        </li>
        <li>
          L&apos;extrait « Personne activité » de l&apos;Annuaire Santé : seules les lignes du FINESS {establishment.finessEt} sont lues.
        </li>
      </ul>
      <TemplateGuide professions={professions} />
      <ImportUpload establishmentId={establishmentId} finess={establishment.finessEt} maxBytes={UPLOAD_LIMITS.rosterImportBytes} />
    </>
  );
}
