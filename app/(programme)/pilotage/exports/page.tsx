import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import type { Metadata } from "next";
import { ExportList } from "@/components/exports/export-list";
import { env } from "@/lib/config/env";
import { listOwnExports } from "@/lib/exports/list-exports";
import { EXPORT_RETENTION_HOURS } from "@/lib/exports/threshold";
import { formatInteger } from "@/lib/format/numbers";
import { guardPage } from "@/lib/http/page-guard";
import { requireViewer } from "@/lib/identity/current-viewer";

export const metadata: Metadata = { title: "Mes exports" };

export default async function ExportsPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const path = "/pilotage/exports";
  const viewer = await requireViewer(path);
  const exports = await guardPage(viewer, path, () => listOwnExports(viewer));
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
