import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import type { Metadata, Route } from "next";
import Link from "next/link";
import { FocusOnArrival } from "@/components/forms/focus-on-arrival";
import { ConfirmedActionButton } from "@/components/forms/confirmed-action-button";
import { ImportChanges } from "@/components/roster/import-changes";
import { ImportCommitButton } from "@/components/roster/import-commit-button";
import { ImportLineCorrection } from "@/components/roster/import-line-correction";
import { canAccessEstablishment } from "@/lib/access/policy";
import { formatInteger } from "@/lib/format/numbers";
import { guardedPageLoad } from "@/lib/http/page-guard";
import { getRosterImport, type RosterImportPreview } from "@/lib/roster/import-session";
import { getRosterEstablishment } from "@/lib/roster/list-professionals";
import { formatParisDateTime } from "@/lib/time/paris";
import { pageParams, RouteParam } from "@/lib/http/route-params";
import { Breadcrumb, crumb } from "@/components/dsfr/breadcrumb";

const plural = (count: number, one: string, many: string) => `${formatInteger(count)} ${count > 1 ? many : one}`;

const PARAMS = { establishmentId: RouteParam.id, importId: RouteParam.id };
type Props = { params: Promise<{ establishmentId: string; importId: string }> };
type PageProps = Props & { searchParams: Promise<{ envoi?: string }> };

const loadImport = guardedPageLoad(
  (establishmentId: string, importId: string) => `/etablissements/${establishmentId}/professionnels/import/${importId}`,
  (viewer, establishmentId, importId) =>
    Promise.all([getRosterImport(viewer, { establishmentId, importId }), getRosterEstablishment(viewer, establishmentId)]),
);

/** What became of the import: its preview, recorded, or expired unrecorded. */
function headingOf(preview: RosterImportPreview): string {
  if (preview.expired) return "Aperçu expiré";
  return preview.status === "COMMITTED" ? "Import enregistré" : "Aperçu de l'import";
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { establishmentId, importId } = await pageParams(params, PARAMS);
  const [preview, establishment] = (await loadImport(establishmentId, importId)).record;
  return { title: `${headingOf(preview)} – ${preview.fileName} – ${establishment.name}` };
}

export default async function RosterImportPreviewPage({ params, searchParams }: PageProps) {
  const { establishmentId, importId } = await pageParams(params, PARAMS);
  const {
    viewer,
    record: [preview, establishment],
  } = await loadImport(establishmentId, importId);
  const breadcrumb = (
    <Breadcrumb
      segments={[
        crumb(establishment.name, `/etablissements/${establishmentId}`),
        crumb("Registre des professionnels", `/etablissements/${establishmentId}/professionnels`),
        crumb("Importer des professionnels", `/etablissements/${establishmentId}/professionnels/import`),
      ]}
      current={headingOf(preview)}
    />
  );
  const importPath = `/api/establishments/${establishmentId}/roster/imports/${importId}`;
  const canEdit = canAccessEstablishment(viewer, establishmentId, "edit");
  const toWrite = preview.creates + preview.updates;
  // Reached from « Vérifier le fichier » (`?envoi=1`), whose button stayed on the page left behind:
  // the title takes the focus. The same element in every state of the import, so that a refresh
  // (a line corrected, the import recorded) keeps it, and the focus on it.
  const title = <h1>{headingOf(preview)}</h1>;
  const heading = (await searchParams).envoi === "1" ? <FocusOnArrival>{title}</FocusOnArrival> : title;

  if (preview.expired) {
    return (
      <>
        {breadcrumb}
        {heading}
        <p>
          L&apos;aperçu de « {preview.fileName} » n&apos;a pas été importé dans les 7 jours : le fichier a été supprimé et rien n&apos;a été
          enregistré.
        </p>
        <Link className={fr.cx("fr-btn")} href={`/etablissements/${establishmentId}/professionnels/import`}>
          Importer le fichier de nouveau
        </Link>
      </>
    );
  }

  if (preview.status === "COMMITTED") {
    return (
      <>
        {breadcrumb}
        {heading}
        <Alert
          as="h2"
          severity="success"
          title={`« ${preview.fileName} » a été importé${preview.committedAt ? ` le ${formatParisDateTime(preview.committedAt)}` : ""}`}
          description={`${plural(preview.creates, "professionnel ajouté", "professionnels ajoutés")}, ${plural(preview.updates, "mis à jour", "mis à jour")}, ${plural(preview.unchanged, "déjà à jour", "déjà à jour")}, ${plural(preview.rejectedCount, "ligne rejetée non importée", "lignes rejetées non importées")}.`}
          className={fr.cx("fr-mb-3w")}
        />
        <ul className={fr.cx("fr-btns-group", "fr-btns-group--inline-md")}>
          <li>
            <Link className={fr.cx("fr-btn")} href={`/etablissements/${establishmentId}/professionnels`}>
              Voir le registre
            </Link>
          </li>
          <li>
            <Link className={fr.cx("fr-btn", "fr-btn--secondary")} href={`/etablissements/${establishmentId}`}>
              Voir les indicateurs de l&apos;établissement
            </Link>
          </li>
        </ul>
      </>
    );
  }

  return (
    <>
      {breadcrumb}
      {heading}
      <p>
        Fichier « {preview.fileName} »{preview.formatLabel ? ` – ${preview.formatLabel}` : ""}. Rien n&apos;est encore enregistré dans le
        registre.
        {preview.computedAt ? (
          <>
            {" "}
            Aperçu établi le {formatParisDateTime(preview.computedAt)} : le fichier sera de nouveau comparé au registre au moment de
            l&apos;import.
          </>
        ) : null}
      </p>
      {preview.notes.length > 0 ? (
        <ul className={fr.cx("fr-text--sm")}>
          {preview.notes.map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
      ) : null}
      {preview.errors.length > 0 ? (
        <Alert
          as="h2"
          severity="error"
          title="Ce fichier ne peut pas être importé"
          description={
            <ul>
              {preview.errors.map((error) => (
                <li key={error}>{error}</li>
              ))}
            </ul>
          }
          className={fr.cx("fr-mb-3w")}
        />
      ) : (
        <>
          {preview.warnings.map((warning) => (
            <Alert key={warning} severity="warning" small description={warning} className={fr.cx("fr-mb-2w")} />
          ))}
          <div className={fr.cx("fr-grid-row", "fr-grid-row--gutters", "fr-mb-3w")} role="status">
            {[
              [preview.lines, "ligne lue", "lignes lues"],
              [preview.creates, "professionnel à ajouter", "professionnels à ajouter"],
              [preview.updates, "professionnel à mettre à jour", "professionnels à mettre à jour"],
              [preview.unchanged, "déjà à jour", "déjà à jour"],
              [preview.rejectedCount, "ligne rejetée", "lignes rejetées"],
            ].map(([count, one, many]) => (
              <div key={String(one)} className={fr.cx("fr-col-6", "fr-col-md")}>
                <p className={fr.cx("fr-h3", "fr-mb-0")}>{formatInteger(Number(count))}</p>
                <p className={fr.cx("fr-text--sm")}>{Number(count) > 1 ? many : one}</p>
              </div>
            ))}
          </div>
          <ImportChanges
            title="Professionnels à ajouter"
            total={preview.creates}
            entries={preview.added.map((entry) => ({ line: entry.line, text: entry.name }))}
          />
          <ImportChanges
            title="Professionnels à mettre à jour"
            total={preview.updates}
            entries={preview.changed.map((entry) => ({ line: entry.line, text: `${entry.name} : ${entry.columns.join(", ")}` }))}
          />
          {canEdit && toWrite > 0 ? (
            <ImportCommitButton
              importPath={importPath}
              lines={preview.lines}
              label={
                preview.rejectedCount > 0
                  ? `Importer ${plural(toWrite, "professionnel", "professionnels")} (${preview.rejectedCount > 1 ? `les ${plural(preview.rejectedCount, "ligne rejetée", "lignes rejetées")} ne seront pas importées` : "la ligne rejetée ne sera pas importée"})`
                  : `Importer ${plural(toWrite, "professionnel", "professionnels")}`
              }
            />
          ) : toWrite === 0 ? (
            <p>Ce fichier ne change rien au registre.</p>
          ) : null}
        </>
      )}

      {canEdit ? (
        <div className={fr.cx("fr-mt-3w")}>
          <ConfirmedActionButton
            url={importPath}
            question={`Abandonner l'import de « ${preview.fileName} » ? Le fichier est supprimé tout de suite et rien n'est enregistré dans le registre.`}
            done="abandon"
            returnTo={`/etablissements/${establishmentId}/professionnels/import` as Route}
          >
            Abandonner cet import
          </ConfirmedActionButton>
        </div>
      ) : null}

      {preview.rejectedCount > 0 ? (
        <section aria-labelledby="rejets-titre" className={fr.cx("fr-mt-4w")}>
          <h2 id="rejets-titre">Lignes rejetées ({formatInteger(preview.rejectedCount)})</h2>
          <p>
            {preview.header
              ? "Corrigez une ligne ici, ou corrigez le fichier et importez-le de nouveau."
              : "Corrigez ces lignes dans le fichier, puis importez-le de nouveau."}
            {preview.rejected.length < preview.rejectedCount
              ? ` Seules les ${formatInteger(preview.rejected.length)} premières sont affichées.`
              : ""}
          </p>
          {/* A list, not a table: each line's reasons and its correction form need the page's whole width on a phone. */}
          <ul className={fr.cx("fr-raw-list")}>
            {preview.rejected.map((rejected) => (
              <li key={rejected.line} id={`ligne-${rejected.line}`} className={fr.cx("fr-mb-3w")}>
                <ul className={fr.cx("fr-mb-1w")}>
                  {rejected.messages.map((message) => (
                    <li key={message}>{message}</li>
                  ))}
                </ul>
                {canEdit && preview.header && rejected.cells ? (
                  <details>
                    <summary>Corriger la ligne {rejected.line}</summary>
                    <ImportLineCorrection
                      importPath={importPath}
                      line={rejected.line}
                      header={preview.header}
                      cells={rejected.cells}
                      cellMessages={rejected.cellMessages ?? {}}
                      columns={preview.headerColumns}
                      otherRejectedLines={preview.rejectedCount - 1}
                      rejectedHeadingId="rejets-titre"
                    />
                  </details>
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}
