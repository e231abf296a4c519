"use client";

import { Alert } from "@codegouvfr/react-dsfr/Alert";
import type { SubmitResult } from "./use-api-submit";

/**
 * The form's answer (useApiSubmit's `result`, or a form's own of the same shape), said once: the live region is there before the
 * message, and the DSFR alert inside it takes no role of its own, which would make a screen reader
 * say it a second time (role alert or status inside aria-live). A field error is said by its field
 * (the focus lands on it, its message tied by aria-describedby): useApiSubmit leaves it out of here.
 */
export function SubmitResultAlert({ result, className }: { result: SubmitResult | null; className?: string }) {
  return (
    <div aria-live="polite">
      {result ? <Alert severity={result.severity} small description={result.text} className={className} role={undefined} /> : null}
    </div>
  );
}
