"use client";

import { Button } from "@codegouvfr/react-dsfr/Button";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { UploadField } from "@/components/forms/upload-field";
import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { formatFileSize } from "@/lib/attachments/file-size";
import { chosenFiles, filesProblem } from "@/lib/attachments/file-size-check";
import { LengthHint, RequiredFieldsNotice } from "@/components/forms/fields";
import { MAX_MESSAGE_LENGTH } from "@/lib/applications/message-body";
import { SubmitResultAlert } from "@/components/forms/submit-result-alert";
import type { SubmitResult } from "@/components/forms/use-api-submit";

type Limits = { maxFiles: number; maxBytes: number };

/**
 * Writes in the dossier's thread, with files; the other side is notified by e-mail. The outcome is
 * announced, and the focus goes back to the message field: the send button, disabled while the
 * message leaves and while the field is empty, cannot keep it.
 */
export function MessageForm({ applicationId, limits }: { applicationId: string; limits: Limits }) {
  const router = useRouter();
  const [body, setBody] = useState("");
  const [outcome, setOutcome] = useState<SubmitResult | null>(null);
  const [pending, setPending] = useState(false);
  const field = useRef<HTMLTextAreaElement>(null);

  async function send(form: HTMLFormElement) {
    const data = new FormData(form);
    const problem = filesProblem(chosenFiles(data, "files"), limits, "message");
    if (problem) {
      setOutcome({ severity: "error", text: problem });
      return;
    }
    setPending(true);
    setOutcome(null);
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
      setOutcome({
        severity: "success",
        text: "Message envoyé : il s'ajoute au fil ci-dessus, et l'autre partie en est avertie par courriel.",
      });
      router.refresh();
    } catch (caught) {
      setOutcome({ severity: "error", text: (caught as Error).message });
    } finally {
      setPending(false);
      field.current?.focus();
    }
  }

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        void send(event.currentTarget);
      }}
    >
      <SubmitResultAlert result={outcome} className="fr-mb-2w" />
      <RequiredFieldsNotice />
      <Input
        textArea
        label="Votre message"
        hintText={<LengthHint length={body.length} maxLength={MAX_MESSAGE_LENGTH} />}
        nativeTextAreaProps={{
          ref: field,
          name: "body",
          value: body,
          onChange: (event) => setBody(event.target.value),
          rows: 4,
          maxLength: MAX_MESSAGE_LENGTH,
          required: true,
        }}
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
