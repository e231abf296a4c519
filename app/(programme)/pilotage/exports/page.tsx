import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { ExportList } from "@/components/exports/export-list";
import { env } from "@/lib/config/env";
import { listOwnExports } from "@/lib/exports/list-exports";
import { EXPORT_RETENTION_HOURS } from "@/lib/exports/threshold";
import { formatInteger } from "@/lib/format/numbers";
import { guardedTitledPage } from "@/lib/http/page-guard";

const guarded = guardedTitledPage("/pilotage/exports", "Mes exports", (viewer) => listOwnExports(viewer));
export const generateMetadata = guarded.generateMetadata;

export default async function ExportsPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const { record: exports } = await guarded.load();
  const requested = (await searchParams).nouveau;

  return (
    <>
      <h1>Mes exports</h1>
      <p>
        Au-delà de {formatInteger(env.EXPORT_BACKGROUND_THRESHOLD)} dossiers, un export est préparé en arrière-plan : vous pouvez quitter
        cette page, il vous attendra ici {EXPORT_RETENTION_HOURS} heures, puis le fichier sera supprimé. Seule la personne qui a demandé un
        export peut le télécharger, et chaque téléchargement est inscrit au journal d&apos;audit.
      </p>
      {requested && exports.some((row) => row.id === requested) ? (
        <Alert
          className={fr.cx("fr-mb-3w")}
          severity="info"
          small
          description="Votre export est en préparation : sa progression s'affiche ci-dessous."
        />
      ) : null}
      <ExportList initial={exports} />
    </>
  );
}
