"use client";

import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { UploadField } from "@/components/forms/upload-field";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { formatFileSize } from "@/lib/attachments/file-size";
import { fileSizeProblem } from "@/lib/attachments/file-size-check";

type Limits = { maxFiles: number; maxBytes: number };

/** What is wrong with the chosen files before sending them, or null. */
function filesProblem(files: File[], limits: Limits): string | null {
  if (files.length > limits.maxFiles) return `Un message peut porter ${limits.maxFiles} pièces jointes au plus.`;
  return files.map((file) => fileSizeProblem(file, limits.maxBytes)).find((problem) => problem !== null) ?? null;
}

/** Writes in the dossier's thread, with files; the other side is notified by e-mail. */
export function MessageForm({ applicationId, limits }: { applicationId: string; limits: Limits }) {
  const router = useRouter();
  const [body, setBody] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function send(form: HTMLFormElement) {
    const data = new FormData(form);
    const files = data.getAll("files").filter((value): value is File => typeof value !== "string" && (value.size > 0 || value.name !== ""));
    const problem = filesProblem(files, limits);
    if (problem) {
      setError(problem);
      return;
    }
    setPending(true);
    setError(null);
    try {
      const response = await fetch(`/api/applications/${applicationId}/messages`, {
        method: "POST",
        body: data,
        credentials: "same-origin",
      });
      if (!response.ok) {
        const payload = (await response.json().catch(() => ({}))) as { error?: { message?: string } };
        throw new Error(payload.error?.message ?? "Le message n'a pas été envoyé.");
      }
      form.reset();
      setBody("");
      router.refresh();
    } catch (caught) {
      setError((caught as Error).message);
    } finally {
      setPending(false);
    }
  }

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        void send(event.currentTarget);
      }}
    >
      {error ? <Alert severity="error" small description={error} className="fr-mb-2w" /> : null}
      <Input
        textArea
        label="Votre message"
        nativeTextAreaProps={{ name: "body", value: body, onChange: (event) => setBody(event.target.value), rows: 4, required: true }}
      />
      <UploadField
        label="Pièces jointes (facultatif)"
        hint={`PDF, image ou document bureautique : ${limits.maxFiles} fichiers de ${formatFileSize(limits.maxBytes)} au plus.`}
        multiple
        nativeInputProps={{ name: "files" }}
      />
      <Button type="submit" disabled={pending || body.trim() === ""} iconId="fr-icon-mail-line" className="fr-mt-2w">
        Envoyer
      </Button>
    </form>
  );
}
