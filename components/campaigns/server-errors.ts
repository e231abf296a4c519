import type { FieldPath, FieldValues, UseFormSetError } from "react-hook-form";
import { ApiError } from "@/lib/http/api-client";

/** Puts the server's field errors (same paths as the form's, from the same zod schema) on the fields. */
export function applyServerErrors<T extends FieldValues>(setError: UseFormSetError<T>, caught: unknown): void {
  if (!(caught instanceof ApiError)) return;
  for (const [path, messages] of Object.entries(caught.fieldErrors)) {
    setError(path === "_" ? ("root" as FieldPath<T>) : (path as FieldPath<T>), { message: messages.join(" ") });
  }
}
