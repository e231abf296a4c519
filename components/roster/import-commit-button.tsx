"use client";

import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { focusPageHeading } from "@/components/forms/give-focus";
import { ApiError, callApi } from "@/lib/http/api-client";
import { saveWaitNotice } from "@/lib/roster/import-wait";

/** Commits the previewed import; the server writes it whole or not at all. */
export function ImportCommitButton({ importPath, label, lines }: { importPath: string; label: string; lines: number }) {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function commit() {
    setPending(true);
    setError(null);
    try {
      await callApi(`${importPath}/commit`, "POST");
      // This button goes with the preview: the title, which stays, takes the focus and becomes
      // « Import enregistré », the outcome right after it.
      focusPageHeading();
      router.refresh();
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : "L'import n'a pas abouti : rien n'a été enregistré.");
      setPending(false);
    }
  }

  return (
    <div>
      <Button onClick={commit} disabled={pending} iconId="fr-icon-check-line">
        {pending ? "Import en cours…" : label}
      </Button>
      <div aria-live="polite">
        {pending ? <p className={fr.cx("fr-mt-1w")}>{saveWaitNotice(lines)}</p> : null}
        {error ? <Alert severity="error" small description={error} className={fr.cx("fr-mt-2w")} role={undefined} /> : null}
      </div>
    </div>
  );
}
