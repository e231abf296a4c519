import type { z } from "zod";
import { unprintableCharacters } from "@/lib/applications/win-ansi";

/**
 * The one refusal of what a decision letter's fonts cannot print (win-ansi.ts), for every field the
 * letter prints: in the form and on the server, rather than left out, « ? » or changed in a letter
 * the manager does not proofread. `asTyped` for the signatory, whose name and title must read as
 * typed (CRPA art. L. 212-1): « Ł » printed « L » would be another name.
 */
export function refuseUnprintableInLetter(ctx: z.RefinementCtx, path: string, text: string, options: { asTyped?: boolean } = {}): void {
  const characters = unprintableCharacters(text, options);
  if (characters.length === 0) return;
  const them = characters.length > 1 ? "les" : "le";
  ctx.addIssue({
    code: "custom",
    path: [path],
    message: `La lettre de décision ne peut pas imprimer ${characters.map((character) => `« ${character} »`).join(", ")} : retirez-${them} ou remplacez-${them}.`,
  });
}
