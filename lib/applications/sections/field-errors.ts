import type { z } from "zod";

/**
 * Server-side zod errors as react-hook-form expects them: one French message per field path,
 * written as the form names its fields (`partners.1.siret`, `assessments.<id>.status`), so the
 * action can hand them back with `setError(path, { message })`. Errors on the whole form (empty
 * path) go under `root`. The first message of a field wins: one problem at a time per field.
 */
export type FieldErrors = Record<string, string>;

export function toFieldErrors(error: z.ZodError): FieldErrors {
  const fieldErrors: FieldErrors = {};
  for (const issue of error.issues) {
    const path = issue.path.length === 0 ? "root" : issue.path.map(String).join(".");
    fieldErrors[path] ??= issue.message;
  }
  return fieldErrors;
}
