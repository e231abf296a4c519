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

/**
 * The text of a refusal for the form's own message, or nothing when it only repeats what a field
 * in error says (a rule on one field sends its message as the refusal's too): that field says it,
 * where the focus lands, and a screen reader would hear it twice (RGAA 7.5, 11.10). `shown` tells
 * whether the form shows the field of a path (a field the form has not rendered shows nothing).
 */
export function formLevelMessage(caught: unknown, shown: (path: string) => boolean, within?: string): string | null {
  const text = (caught as Error).message;
  if (!(caught instanceof ApiError)) return text;
  for (const [path, messages] of Object.entries(caught.fieldErrors)) {
    const field = within && path.startsWith(`${within}.`) ? path.slice(within.length + 1) : path;
    if (field === "_" || !shown(field)) continue;
    if (messages.includes(text) || messages.join(" ") === text) return null;
  }
  return text;
}
