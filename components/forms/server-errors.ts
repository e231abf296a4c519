import type { FieldPath, FieldValues, UseFormSetError } from "react-hook-form";
import { ApiError } from "@/lib/http/api-client";

/**
 * Puts the server's field errors (same paths as the form's, from the same zod schema) on the fields,
 * and the keyboard focus on the first of them, as the form's own checks do. `within` is the key the
 * form's values travel under in the request body (`profile`, `professional`): its prefix is taken
 * off the server's paths. The server's `_` is the form's root error.
 */
export function applyServerErrors<T extends FieldValues>(setError: UseFormSetError<T>, caught: unknown, within?: string): void {
  if (!(caught instanceof ApiError)) return;
  let first = true;
  for (const [path, messages] of Object.entries(caught.fieldErrors)) {
    const field = within && path.startsWith(`${within}.`) ? path.slice(within.length + 1) : path;
    const name = field === "_" ? ("root" as FieldPath<T>) : (field as FieldPath<T>);
    setError(name, { type: "server", message: messages.join(" ") }, { shouldFocus: first && field !== "_" });
    if (field !== "_") first = false;
  }
}
