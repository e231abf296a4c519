"use client";

import { fr } from "@codegouvfr/react-dsfr";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { SubmitResultAlert } from "@/components/forms/submit-result-alert";
import type { SubmitResult } from "@/components/forms/use-api-submit";
import { UploadField } from "@/components/forms/upload-field";
import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { formatFileSize } from "@/lib/attachments/file-size";
import { chosenFiles, filesProblem } from "@/lib/attachments/file-size-check";
import { callApi } from "@/lib/http/api-client";

/**
 * The director's answer to a request for information, with files: the declaration returns to the
 * tier that asked. Files too many or too large are said before sending; the outcome is announced,
 * and the focus goes back to the answer field, as in the dossier's messages: the send button,
 * disabled while the answer leaves, cannot keep it.
 */
export function VerificationAnswerForm({
  applicationId,
  version,
  limits,
}: {
  applicationId: string;
  version: number;
  limits: { maxFiles: number; maxBytes: number };
}) {
  const router = useRouter();
  const [message, setMessage] = useState("");
  const [result, setResult] = useState<SubmitResult | null>(null);
  const [pending, setPending] = useState(false);
  const field = useRef<HTMLTextAreaElement>(null);

  async function send(element: HTMLFormElement) {
    const data = new FormData(element);
    const problem = filesProblem(chosenFiles(data, "files"), limits, "answer");
    if (problem) {
      setResult({ severity: "error", text: problem });
      field.current?.focus();
      return;
    }
    data.set("version", String(version));
    setPending(true);
    setResult(null);
    try {
      await callApi(`/api/applications/${applicationId}/verification/answer`, "POST", data);
      setResult({ severity: "success", text: "Réponse envoyée : la déclaration est de nouveau en vérification." });
      router.refresh();
    } catch (caught) {
      setResult({ severity: "error", text: (caught as Error).message });
    } finally {
      setPending(false);
      field.current?.focus();
    }
  }

  return (
    <form
      aria-label="Réponse à la demande de complément"
      onSubmit={(event) => {
        event.preventDefault();
        void send(event.currentTarget);
      }}
    >
      <Input
        textArea
        label="Votre réponse"
        nativeTextAreaProps={{
          ref: field,
          name: "message",
          value: message,
          onChange: (event) => setMessage(event.target.value),
          rows: 4,
          required: true,
          maxLength: 8000,
        }}
      />
      <UploadField
        label="Pièces jointes (facultatif)"
        hint={`PDF, image ou document bureautique : ${limits.maxFiles} fichiers de ${formatFileSize(limits.maxBytes)} au plus.`}
        multiple
        nativeInputProps={{ name: "files" }}
      />
      <SubmitResultAlert result={result} className={fr.cx("fr-my-2w")} />
      <Button type="submit" disabled={pending || message.trim() === ""} iconId="fr-icon-send-plane-line" className={fr.cx("fr-mt-2w")}>
        Envoyer la réponse
      </Button>
    </form>
  );
}
