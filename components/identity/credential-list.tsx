"use client";

import { fr } from "@codegouvfr/react-dsfr";
import { DataTable } from "@/components/dsfr/data-table";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { useRouter } from "next/navigation";
import { signOut } from "next-auth/react";
import { useEffect, useRef, useState } from "react";
import { ariaInvalid, errorState, quietMessages } from "@/components/forms/field-error";
import { SubmitResultAlert } from "@/components/forms/submit-result-alert";
import type { SubmitResult } from "@/components/forms/use-api-submit";
import { ApiError, callApi } from "@/lib/http/api-client";
import { isKeyNameTaken, KEY_NAME_TAKEN } from "@/lib/identity/key-names";
import { ZKeyName } from "@/lib/identity/schemas";
import { signInPathAfter } from "@/lib/identity/sign-in-messages";
import { formatParisDateTime } from "@/lib/time/paris";
import { registerPasskey } from "./passkey-ceremonies";

export type CredentialRow = {
  id: string;
  name: string;
  createdAt: string;
  lastUsedAt: string | null;
  synced: boolean;
};

/**
 * The signed-in user's keys: name, dates, rename, revoke (not the last one), add another.
 * `currentKeyId`: the key that opened this session, which its deletion ends too.
 */
export function CredentialList({ credentials, currentKeyId }: { credentials: CredentialRow[]; currentKeyId: string | null }) {
  const router = useRouter();
  const [editing, setEditing] = useState<string | null>(null);
  const [name, setName] = useState("");
  const [message, setMessage] = useState<SubmitResult | null>(null);
  const [newKeyName, setNewKeyName] = useState("Clé de secours");
  const [busy, setBusy] = useState(false);
  /** The server's (or the form's own) messages for the rename field (`name`) and the new key's (`keyName`). */
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]>>({});
  // A refused name takes the focus, which says its message: the button that had it may have been
  // disabled while the request ran.
  const renameInput = useRef<HTMLInputElement>(null);
  const newKeyInput = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (fieldErrors.name) renameInput.current?.focus();
    else if (fieldErrors.keyName) newKeyInput.current?.focus();
  }, [fieldErrors]);

  /** `action` returns what to say once done, or null when the page is being left. */
  async function run(action: () => Promise<string | null>) {
    setBusy(true);
    setMessage(null);
    setFieldErrors({});
    try {
      const success = await action();
      if (success === null) return;
      setMessage({ severity: "success", text: success });
      setEditing(null);
      router.refresh();
    } catch (caught) {
      setMessage({ severity: "error", text: (caught as Error).message });
      if (caught instanceof ApiError) setFieldErrors(caught.fieldErrors);
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <SubmitResultAlert result={message} className={fr.cx("fr-mb-3w")} />
      {credentials.length === 0 ? (
        <p>Vous n&apos;avez pas encore de clé d&apos;accès : enregistrez-en une ci-dessous pour vous connecter avec elle.</p>
      ) : (
        <DataTable caption="Vos clés d'accès">
          <thead>
            <tr>
              <th scope="col">Nom</th>
              <th scope="col">Enregistrée le</th>
              <th scope="col">Dernière utilisation</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {credentials.map((credential) => (
              <tr key={credential.id}>
                <td>
                  {editing === credential.id ? (
                    <form
                      onSubmit={(event) => {
                        event.preventDefault();
                        void run(async () => {
                          await callApi(`/api/account/credentials/${encodeURIComponent(credential.id)}`, "PATCH", { name });
                          return "La clé a été renommée.";
                        });
                      }}
                    >
                      <Input
                        ref={quietMessages}
                        label={`Nouveau nom de « ${credential.name} »`}
                        {...errorState(fieldErrors.name)}
                        nativeInputProps={{
                          ...ariaInvalid(fieldErrors.name),
                          ref: renameInput,
                          value: name,
                          onChange: (event) => setName(event.target.value),
                          maxLength: 80,
                          autoFocus: true,
                        }}
                      />
                      <Button size="small" type="submit" disabled={busy}>
                        Enregistrer
                      </Button>{" "}
                      <Button
                        size="small"
                        priority="tertiary"
                        type="button"
                        onClick={() => {
                          setEditing(null);
                          setFieldErrors({});
                        }}
                      >
                        Annuler
                      </Button>
                    </form>
                  ) : (
                    <>
                      {credential.name}
                      {credential.synced ? <span className={fr.cx("fr-text--xs")}> (synchronisée)</span> : null}
                    </>
                  )}
                </td>
                <td>{formatParisDateTime(new Date(credential.createdAt))}</td>
                <td>{credential.lastUsedAt ? formatParisDateTime(new Date(credential.lastUsedAt)) : "Jamais"}</td>
                <td>
                  <Button
                    size="small"
                    priority="secondary"
                    disabled={busy}
                    onClick={() => {
                      setEditing(credential.id);
                      setName(credential.name);
                      setFieldErrors({});
                    }}
                  >
                    Renommer<span className={fr.cx("fr-sr-only")}> « {credential.name} »</span>
                  </Button>{" "}
                  <Button
                    size="small"
                    priority="tertiary"
                    disabled={busy || credentials.length <= 1}
                    title={credentials.length <= 1 ? "Votre dernière clé ne peut pas être supprimée" : undefined}
                    onClick={() => {
                      const question = `Supprimer la clé « ${credential.name} » ? Elle ne permettra plus de vous connecter et fermera les sessions ouvertes avec elle.`;
                      const endsThisSession =
                        credential.id === currentKeyId
                          ? " Cette clé a ouvert la session en cours : la session sera fermée et il faudra vous reconnecter avec une autre clé."
                          : "";
                      if (window.confirm(question + endsThisSession)) {
                        void run(async () => {
                          const { endedCurrentSession } = await callApi<{ endedCurrentSession: boolean }>(
                            `/api/account/credentials/${encodeURIComponent(credential.id)}`,
                            "DELETE",
                          );
                          if (!endedCurrentSession) return "La clé a été supprimée.";
                          // This session is over: the sign-in page says why, rather than the next click landing there unexplained.
                          await signOut({ callbackUrl: signInPathAfter("cle-supprimee") });
                          return null;
                        });
                      }
                    }}
                  >
                    Supprimer<span className={fr.cx("fr-sr-only")}> « {credential.name} »</span>
                  </Button>
                </td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      )}
      {credentials.length === 1 ? (
        <p className={fr.cx("fr-text--sm")}>Enregistrez une clé de secours : votre dernière clé ne peut pas être supprimée.</p>
      ) : null}
      <form
        className={fr.cx("fr-mt-3w")}
        onSubmit={(event) => {
          event.preventDefault();
          // Checked before the key is created: a name the server would then refuse would leave a key
          // on the device that no account knows.
          const parsed = ZKeyName.safeParse(newKeyName);
          const refusal = !parsed.success
            ? parsed.error.issues.map((issue) => issue.message)
            : isKeyNameTaken(parsed.data, credentials)
              ? [KEY_NAME_TAKEN]
              : null;
          if (refusal) {
            setMessage(null);
            setFieldErrors({ keyName: refusal });
            return;
          }
          void run(async () => {
            await registerPasskey({ keyName: newKeyName });
            return "La nouvelle clé est enregistrée.";
          });
        }}
        noValidate
      >
        <Input
          ref={quietMessages}
          label="Nom de la nouvelle clé"
          {...errorState(fieldErrors.keyName)}
          nativeInputProps={{
            ...ariaInvalid(fieldErrors.keyName),
            ref: newKeyInput,
            value: newKeyName,
            onChange: (event) => setNewKeyName(event.target.value),
            maxLength: 80,
          }}
        />
        <Button type="submit" iconId="fr-icon-add-line" disabled={busy}>
          Ajouter une clé
        </Button>
      </form>
    </>
  );
}
