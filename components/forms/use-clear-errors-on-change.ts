import { useEffect } from "react";
import type { FieldValues, Path, UseFormReturn } from "react-hook-form";

/**
 * Errors a form sets itself, of `type` (a server's list of what is missing), outside its schema:
 * they hold until the field changes, as a field given a value is no longer missing. `errorFieldOf`
 * names the field holding the error when another one changed (a « Sans objet » box for its note);
 * give it a stable function.
 */
export function useClearErrorsOnChange<T extends FieldValues>(
  form: UseFormReturn<T>,
  type: string,
  errorFieldOf: (changed: string) => string = (changed) => changed,
): void {
  useEffect(() => {
    const subscription = form.watch((_, { name }) => {
      if (!name) return;
      const field = errorFieldOf(name) as Path<T>;
      if (form.getFieldState(field).error?.type === type) form.clearErrors(field);
    });
    return () => subscription.unsubscribe();
  }, [form, type, errorFieldOf]);
}
