"use client";

import { fr } from "@codegouvfr/react-dsfr";
import { Badge } from "@/components/dsfr/badge";
import { useEffect, useRef, useState } from "react";
import { DataTable } from "@/components/dsfr/data-table";
import type { ExportView } from "@/lib/exports/export-status";
import { EXPORT_RETENTION_HOURS } from "@/lib/exports/threshold";
import { formatInteger } from "@/lib/format/numbers";
import { callApi } from "@/lib/http/api-client";

/** How often the page asks for the progress while an export is being written. */
const POLL_MS = 2_000;

const SEVERITY = { QUEUED: "info", RUNNING: "info", READY: "success", FAILED: "error", EXPIRED: "new" } as const;

/** An export as links and announcements name it: its file and its filters, so that two exports of one day differ. */
const exportName = (row: ExportView) => `${row.fileName} (${row.filters})`;

/** What a screen reader hears when an export settles (the progress itself is read on demand, not announced). */
function settled(before: readonly ExportView[], after: readonly ExportView[]): string | null {
  const changes = after.filter((row) => !row.pending && before.find((previous) => previous.id === row.id)?.pending);
  if (changes.length === 0) return null;
  return changes
    .map((row) =>
      row.status === "READY" ? `L'export ${exportName(row)} est prêt à télécharger.` : `L'export ${exportName(row)} a échoué.`,
    )
    .join(" ");
}

/**
 * The manager's background exports with their progress, refreshed every 2 seconds while one is
 * waiting or running (a small JSON route), then no more.
 */
export function ExportList({ initial }: { initial: ExportView[] }) {
  const [rows, setRows] = useState(initial);
  const [announcement, setAnnouncement] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const latest = useRef(initial);
  const pending = rows.some((row) => row.pending);

  useEffect(() => {
    if (!pending) return;
    const timer = setInterval(async () => {
      try {
        const { exports } = await callApi<{ exports: ExportView[] }>("/api/exports", "GET");
        const message = settled(latest.current, exports);
        latest.current = exports;
        setRows(exports);
        setProblem(null);
        if (message) setAnnouncement(message);
      } catch (error) {
        setProblem((error as Error).message);
      }
    }, POLL_MS);
    return () => clearInterval(timer);
  }, [pending]);

  return (
    <>
      <p className={fr.cx("fr-sr-only")} role="status">
        {announcement}
      </p>
      {problem ? (
        <p className={fr.cx("fr-error-text")} role="alert">
          La progression n&apos;a pas pu être mise à jour : {problem}
        </p>
      ) : null}
      {rows.length === 0 ? (
        <p>
          Aucun export pour l&apos;instant. Lancez-en un depuis la <a href="/pilotage/dossiers">liste des dossiers</a>.
        </p>
      ) : (
        <DataTable caption="Mes exports, du plus récent au plus ancien" multiline>
          <thead>
            <tr>
              <th scope="col">Fichier</th>
              <th scope="col">Demandé le</th>
              <th scope="col">État</th>
              <th scope="col">Progression</th>
              <th scope="col">Téléchargement</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.id} data-export-id={row.id}>
                <th scope="row">
                  {row.fileName}
                  <br />
                  <span className={fr.cx("fr-text--sm")}>{row.filters}</span>
                </th>
                <td>{row.requestedAt}</td>
                <td>
                  <Badge severity={SEVERITY[row.status]} small noIcon={row.pending}>
                    {row.statusLabel}
                  </Badge>
                  {row.error ? <p className={fr.cx("fr-text--sm", "fr-error-text", "fr-mt-1w")}>{row.error}</p> : null}
                </td>
                <td>
                  <progress max={100} value={row.percent} aria-label={`Progression de l'export ${exportName(row)}`} />
                  <br />
                  <span className={fr.cx("fr-text--sm")}>
                    {formatInteger(row.rowsDone)} dossiers sur {formatInteger(row.rowsTotal)} ({row.percent} %)
                  </span>
                </td>
                <td>
                  {row.downloadable ? (
                    <>
                      <a className={fr.cx("fr-link", "fr-icon-download-line", "fr-link--icon-left")} href={`/api/exports/${row.id}/file`}>
                        Télécharger<span className="fr-sr-only"> {exportName(row)}</span>
                      </a>
                      <br />
                      <span className={fr.cx("fr-text--sm")}>Jusqu&apos;au {row.expiresAt}</span>
                    </>
                  ) : row.status === "EXPIRED" ? (
                    <span className={fr.cx("fr-text--sm")}>Fichier supprimé après {EXPORT_RETENTION_HOURS} heures</span>
                  ) : (
                    "—"
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      )}
    </>
  );
}
