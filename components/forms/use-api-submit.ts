import { type BaseSyntheticEvent, useState } from "react";
import type { FieldValues, UseFormReturn } from "react-hook-form";
import { applyServerErrors, formLevelMessage } from "./server-errors";
import { useFocusBack } from "./use-focus-back";

export type SubmitResult = { severity: "success" | "error"; text: string };

export const INVALID_FORM_MESSAGE = "Certaines informations ne sont pas valides : corrigez les champs signalés.";

/**
 * The submit-to-API plumbing every form repeats. `send(values)` (values checked by the form's zod
 * schema) calls the API and gives back the success message, or nothing when it navigates away.
 * A refusal puts the server's field errors on the fields (`within`: see applyServerErrors) and its
 * French message in `result`, unless that message is a field's own (formLevelMessage): each error
 * is said once, by its field or by the form (show `result` with SubmitResultAlert). With
 * `reportInvalid`, a form the browser or the server refuses on its fields says so too.
 *
 * Each attempt clears the previous one's message, so that a refusal already corrected does not
 * stay beside the new one. Forms disable their submit button while the request runs, which drops
 * the keyboard focus to the page's body: it goes back to the button once the form answers, unless
 * a field in error took it.
 */
export function useApiSubmit<TFieldValues extends FieldValues, TValues>(
  form: UseFormReturn<TFieldValues, unknown, TValues>,
  send: (values: TValues) => Promise<string | void>,
  options: { within?: string; reportInvalid?: boolean } = {},
) {
  const [result, setResult] = useState<SubmitResult | null>(null);
  const focusBackTo = useFocusBack(form.formState.isSubmitting);

  const submit = form.handleSubmit(
    async (values) => {
      try {
        const text = await send(values);
        if (text) setResult({ severity: "success", text });
      } catch (caught) {
        applyServerErrors(form.setError, caught, options.within);
        // A field the form renders is registered (mounted) with react-hook-form.
        const text = formLevelMessage(caught, (path) => form.control._names.mount.has(path), options.within);
        if (text) setResult({ severity: "error", text });
        // A refusal the server says on a field (a FINESS already registered) is a form that is not
        // valid, as when the browser refuses it: the form says so too.
        else if (options.reportInvalid) setResult({ severity: "error", text: INVALID_FORM_MESSAGE });
      }
    },
    options.reportInvalid ? () => setResult({ severity: "error", text: INVALID_FORM_MESSAGE }) : undefined,
  );
  const onSubmit = (event?: BaseSyntheticEvent) => {
    setResult(null);
    focusBackTo(document.activeElement instanceof HTMLElement && document.activeElement !== document.body ? document.activeElement : null);
    return submit(event);
  };
  return { onSubmit, result };
}
