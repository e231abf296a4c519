"use client";

import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { useFocusAfterRender } from "@/components/forms/use-focus-after-render";
import { formatFileSize } from "@/lib/attachments/file-size";
import { fileSizeProblem } from "@/lib/attachments/file-size-check";
import { checkWaitNotice, countFileLines } from "@/lib/roster/import-wait";
import { ROSTER_FILE_TOO_LARGE_ADVICE, siteLinesOfExtract } from "@/lib/roster/import/site-lines";

const FILE_ERROR_ID = "roster-file-error";

type Phase =
  | { kind: "idle" }
  | { kind: "selecting"; percent: number }
  | { kind: "uploading"; percent: number }
  | { kind: "reading"; notice: string | null }
  | { kind: "error"; message: string };

/** What to expect of the check, from the file's lines (a workbook: its size); null if small. */
async function waitNotice(file: File): Promise<string | null> {
  if (/\.xlsx$/i.test(file.name)) return checkWaitNotice({ kind: "workbook", bytes: file.size });
  try {
    return checkWaitNotice({ kind: "text", lines: countFileLines(new Uint8Array(await file.arrayBuffer())) });
  } catch {
    return null;
  }
}

/**
 * A file over the cap that is the Annuaire Santé extract: its header and the lines of the site's
 * FINESS, as a file named after both (the extract's date stays in the name); null for another file.
 */
async function siteExtract(file: File, finess: string, onPercent: (percent: number) => void): Promise<File | null> {
  const parts = await siteLinesOfExtract(file.stream(), finess, (bytes) => onPercent(Math.round((bytes / file.size) * 100)));
  if (parts === null) return null;
  const name = file.name.replace(/(\.[^.]*)?$/, (extension) => ` - FINESS ${finess}${extension}`);
  return new File(parts as BlobPart[], name, { type: "text/plain" });
}

/**
 * Sends the file with XMLHttpRequest rather than fetch: only XHR reports upload progress, which a
 * director sending a large extract on a slow line needs to see.
 */
export function ImportUpload({ establishmentId, finess, maxBytes }: { establishmentId: string; finess: string; maxBytes: number }) {
  const router = useRouter();
  const input = useRef<HTMLInputElement>(null);
  const progressBar = useRef<HTMLProgressElement>(null);
  const [phase, setPhase] = useState<Phase>({ kind: "idle" });
  const focusInput = useFocusAfterRender(input);
  // The field and the button are disabled while the file is read and sent, and lose the focus: the
  // progress bar, which says where the sending stands, takes it.
  const focusProgress = useFocusAfterRender(progressBar);

  function refuse(message: string) {
    setPhase({ kind: "error", message });
    focusInput();
  }

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    const chosen = input.current?.files?.[0];
    if (!chosen) {
      refuse("Choisissez un fichier CSV ou Excel (.xlsx).");
      return;
    }
    let file = chosen;
    if (chosen.size > maxBytes && !/\.xlsx$/i.test(chosen.name)) {
      // The national extract: only the establishment's lines are sent (ADR 0006).
      setPhase({ kind: "selecting", percent: 0 });
      focusProgress();
      try {
        file = (await siteExtract(chosen, finess, (percent) => setPhase({ kind: "selecting", percent }))) ?? chosen;
      } catch {
        refuse(`Le fichier « ${chosen.name} » n'a pas pu être lu sur votre ordinateur : choisissez-le de nouveau.`);
        return;
      }
    }
    // Said at once rather than after a long upload the server would refuse.
    const problem = fileSizeProblem(file, maxBytes);
    if (problem) {
      refuse(`${problem}${file.size > 0 ? ` ${ROSTER_FILE_TOO_LARGE_ADVICE}` : ""}`);
      return;
    }
    setPhase({ kind: "uploading", percent: 0 });
    focusProgress();
    const notice = await waitNotice(file);
    const body = new FormData();
    body.append("file", file);
    const request = new XMLHttpRequest();
    request.open("POST", `/api/establishments/${establishmentId}/roster/imports`);
    request.responseType = "json";
    request.upload.onprogress = (progress) => {
      if (progress.lengthComputable) setPhase({ kind: "uploading", percent: Math.round((progress.loaded / progress.total) * 100) });
    };
    request.upload.onload = () => setPhase({ kind: "reading", notice });
    request.onerror = () => refuse("L'envoi n'a pas abouti. Vérifiez votre connexion et réessayez.");
    request.onload = () => {
      const payload = request.response as { importId?: string; error?: { message: string; fieldErrors?: Record<string, string[]> } } | null;
      if (request.status === 200 && payload?.importId) {
        router.push(`/etablissements/${establishmentId}/professionnels/import/${payload.importId}?envoi=1`);
        return;
      }
      const error = payload?.error;
      // The server often words the file's refusal as its message and as the field's error: said once.
      const messages = new Set([error?.message, ...Object.values(error?.fieldErrors ?? {}).flat()].filter(Boolean));
      refuse([...messages].join(" ") || "Le fichier n'a pas pu être lu.");
    };
    request.send(body);
  }

  const busy = phase.kind === "selecting" || phase.kind === "uploading" || phase.kind === "reading";
  // Kept at 100 % while the server reads the file, so that the focus stays on it until the preview.
  const progress =
    phase.kind === "selecting"
      ? { label: `Sélection des lignes du FINESS ${finess} dans l'extraction de l'Annuaire Santé`, percent: phase.percent }
      : phase.kind === "uploading"
        ? { label: "Envoi du fichier", percent: phase.percent }
        : phase.kind === "reading"
          ? { label: "Envoi du fichier", percent: 100 }
          : null;
  // Said at each quarter, not at each percent, which a screen reader would queue by the dozen; once
  // the file is sent, the reading's message says so.
  const quarter = progress && phase.kind !== "reading" ? Math.floor(progress.percent / 25) * 25 : 0;

  return (
    <form onSubmit={submit} noValidate>
      <div className={fr.cx("fr-upload-group", "fr-mb-3w", { "fr-upload-group--error": phase.kind === "error" })}>
        <label className={fr.cx("fr-label")} htmlFor="roster-file">
          Fichier du registre
          <span className={fr.cx("fr-hint-text")}>
            Modèle HospiConnect en CSV ou Excel (.xlsx), ou extrait de l&apos;Annuaire Santé (.txt ou .csv). {formatFileSize(maxBytes)} au
            plus ; l&apos;extraction nationale de l&apos;Annuaire Santé, plus grande, se choisit telle quelle : seules les lignes du FINESS{" "}
            {finess} sont envoyées.
          </span>
        </label>
        <input
          ref={input}
          className={fr.cx("fr-upload")}
          type="file"
          id="roster-file"
          name="file"
          accept=".csv,.txt,.xlsx,text/csv,text/plain,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          disabled={busy}
          aria-invalid={phase.kind === "error" ? true : undefined}
          aria-describedby={phase.kind === "error" ? FILE_ERROR_ID : undefined}
        />
      </div>
      {progress ? (
        <p>
          <label htmlFor="roster-progress">
            {progress.label}
            {/* The bar says its value to a screen reader: a number in its name would rename it at each step. */}
            <span aria-hidden="true"> : {progress.percent} %</span>
          </label>
          <br />
          <progress ref={progressBar} tabIndex={-1} id="roster-progress" max={100} value={progress.percent} />
        </p>
      ) : null}
      <div aria-live="polite">
        {progress && quarter > 0 ? (
          <p className={fr.cx("fr-sr-only")}>
            {progress.label} : {quarter} %
          </p>
        ) : null}
        {phase.kind === "reading" ? (
          <p>
            Fichier reçu, lecture et vérification de chaque ligne en cours…
            {phase.notice ? (
              <>
                <br />
                {phase.notice}
              </>
            ) : null}
          </p>
        ) : null}
      </div>
      {/* A refusal is said by the file field, which takes the focus and is described by it: once. */}
      {phase.kind === "error" ? (
        <div id={FILE_ERROR_ID}>
          <Alert role={undefined} severity="error" small description={phase.message} className={fr.cx("fr-mb-2w")} />
        </div>
      ) : null}
      <Button type="submit" disabled={busy} iconId="fr-icon-upload-line">
        Vérifier le fichier
      </Button>
      <p className={fr.cx("fr-hint-text", "fr-mt-1w")}>
        Rien n&apos;est enregistré à cette étape : vous verrez d&apos;abord ce que l&apos;import changera.
      </p>
    </form>
  );
}
