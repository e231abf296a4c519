import { AppError } from "@/lib/errors/app-error";
import { formatInteger } from "@/lib/format/numbers";

/** The longest message of a dossier's thread, in characters: the server's limit and the field's `maxLength`. */
export const MAX_MESSAGE_LENGTH = 8000;

/** A message's text as it is kept (trimmed), or the French refusal of an empty or too long one. */
export function checkedMessageBody(body: string): string {
  const trimmed = body.trim();
  if (!trimmed) throw new AppError("INVALID_INPUT", "Le message est vide.", { fieldErrors: { body: ["Écrivez votre message."] } });
  if (trimmed.length > MAX_MESSAGE_LENGTH) {
    const limit = formatInteger(MAX_MESSAGE_LENGTH);
    throw new AppError("INVALID_INPUT", `Le message dépasse ${limit} caractères.`, {
      fieldErrors: { body: [`${limit} caractères au plus.`] },
    });
  }
  return trimmed;
}
