"use client";

import { fr } from "@codegouvfr/react-dsfr";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { FileLink, type LinkedFile } from "@/components/dossier/file-links";
import { UploadField } from "@/components/forms/upload-field";
import { useFocusAfterRender } from "@/components/forms/use-focus-after-render";
import { useFocusBack } from "@/components/forms/use-focus-back";
import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { formatFileSize } from "@/lib/attachments/file-size";
import { fileSizeProblem } from "@/lib/attachments/file-size-check";
import { callApi } from "@/lib/http/api-client";
import { objectiveAnchor } from "@/lib/applications/anchors";
import { requiredWhen } from "@/lib/applications/completeness-objectives";

/** `addedAt`: when it was uploaded, as the page writes it (« 7 décembre 2026 à 1 h 58 »). */
export type EvidenceFile = LinkedFile & { addedAt: string };

/**
 * What tells a file from the others of the list, for its delete button: its name and upload date,
 * and its rank among files of the same name added in the same minute.
 */
function fileLabel(file: EvidenceFile, files: readonly EvidenceFile[]): string {
  const label = `${file.fileName}, ajouté le ${file.addedAt}`;
  const twins = files.filter((other) => other.fileName === file.fileName && other.addedAt === file.addedAt);
  return twins.length > 1 ? `${label} (${twins.indexOf(file) + 1} sur ${twins.length})` : label;
}

/** The files proving one objective: upload (checked on content by the server), list, remove. */
export function EvidenceFiles({
  applicationId,
  objectiveId,
  objectiveCode,
  files,
  disabled,
  maxBytes,
}: {
  applicationId: string;
  objectiveId: string;
  objectiveCode: string;
  files: EvidenceFile[];
  disabled: boolean;
  maxBytes: number;
}) {
  const router = useRouter();
  const input = useRef<HTMLInputElement>(null);
  const [error, setError] = useState<string | null>(null);
  const [uploading, setUploading] = useState(false);
  /** What the last upload or removal did, said to screen readers (the list changing says nothing). */
  const [notice, setNotice] = useState("");
  // The field is disabled while the file leaves: the focus comes back to it once the work is done.
  const focusBackTo = useFocusBack(uploading);
  // A refusal, the browser's included, is read with the field, whose message it is: the field takes the focus.
  const focusInput = useFocusAfterRender(input);

  function refuse(message: string) {
    setError(message);
    focusInput();
  }

  async function upload(file: File) {
    // Said at once rather than after sending megabytes the server would refuse.
    const problem = fileSizeProblem(file, maxBytes);
    if (problem) {
      refuse(problem);
      return;
    }
    focusBackTo(input.current);
    setUploading(true);
    setError(null);
    setNotice("");
    const body = new FormData();
    body.set("file", file);
    body.set("objectiveId", objectiveId);
    try {
      const response = await fetch(`/api/applications/${applicationId}/attachments`, { method: "POST", body, credentials: "same-origin" });
      if (!response.ok) {
        const payload = (await response.json().catch(() => ({}))) as { error?: { message?: string } };
        throw new Error(payload.error?.message ?? "L'envoi du fichier a échoué.");
      }
      if (input.current) input.current.value = "";
      setNotice(`« ${file.name} » est ajouté aux pièces de l'objectif ${objectiveCode}.`);
      router.refresh();
    } catch (caught) {
      refuse((caught as Error).message);
    } finally {
      setUploading(false);
    }
  }

  async function remove(file: EvidenceFile) {
    setNotice("");
    try {
      await callApi(`/api/attachments/${file.id}`, "DELETE");
      setError(null);
      setNotice(`« ${file.fileName} » est supprimé des pièces de l'objectif ${objectiveCode}.`);
      router.refresh();
    } catch (caught) {
      setError((caught as Error).message);
    }
    // The removed file's button is gone with it.
    input.current?.focus();
  }

  return (
    <div className={fr.cx("fr-mt-2w")}>
      <p className={fr.cx("fr-text--bold", "fr-mb-1w")}>Pièces justificatives de l&apos;objectif {objectiveCode}</p>
      {files.length === 0 ? (
        <p className={fr.cx("fr-text--sm")}>Aucune pièce jointe.</p>
      ) : (
        <ul>
          {files.map((file) => (
            <li key={file.id}>
              <FileLink file={file} />
              {disabled ? null : (
                <Button
                  type="button"
                  size="small"
                  priority="tertiary no outline"
                  iconId="fr-icon-delete-line"
                  title={`Supprimer ${fileLabel(file, files)}`}
                  onClick={() => void remove(file)}
                >
                  <span className={fr.cx("fr-sr-only")}>Supprimer {fileLabel(file, files)}</span>
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
      {disabled ? null : (
        <UploadField
          label={`Ajouter une pièce justificative à l'objectif ${objectiveCode}`}
          hint={`${requiredWhen("evidence", false)} PDF, image ou document bureautique, ${formatFileSize(maxBytes)} au plus. Le contenu du fichier est vérifié.`}
          state={error ? "error" : "default"}
          stateRelatedMessage={error ?? undefined}
          disabled={uploading}
          nativeInputProps={{
            ref: input,
            id: objectiveAnchor(objectiveCode, "evidence"),
            accept: ".pdf,.png,.jpg,.jpeg,.webp,.docx,.xlsx,.pptx,.odt,.ods",
            onChange: (event) => {
              const file = event.target.files?.[0];
              if (file) void upload(file);
            },
          }}
        />
      )}
      <p aria-live="polite" className={fr.cx("fr-text--sm")}>
        {uploading ? "Envoi en cours…" : <span className={fr.cx("fr-sr-only")}>{notice}</span>}
      </p>
    </div>
  );
}
