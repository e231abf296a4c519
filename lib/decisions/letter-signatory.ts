import { z } from "zod";
import { AppError } from "@/lib/errors/app-error";
import { refuseUnprintableInLetter } from "./letter-printable";

/**
 * Who signs a wave's decision letters. An administrative decision states the first name, last name
 * and title (« qualité ») of its author (Code des relations entre le public et l'administration,
 * art. L. 212-1): without them the establishment could contest the letter on its form alone. Set per
 * wave, as the decisions are: the one who signs a wave's round may have changed by the next.
 */
export type LetterSignatory = { name: string; title: string };

export const SIGNATORY_NAME_MAX = 100;
export const SIGNATORY_TITLE_MAX = 200;

/** The signatory as the form sends it and the server reads it, refused when the letter could not print it as typed. */
export const ZLetterSignatoryInput = z
  .object({
    name: z
      .string()
      .trim()
      .min(1, { error: "Indiquez le prénom et le nom du signataire." })
      .max(SIGNATORY_NAME_MAX, { error: `Le nom ne doit pas dépasser ${SIGNATORY_NAME_MAX} caractères.` }),
    title: z
      .string()
      .trim()
      .min(1, { error: "Indiquez la qualité du signataire, par exemple « Directrice générale de l'Agence du Numérique en Santé »." })
      .max(SIGNATORY_TITLE_MAX, { error: `La qualité ne doit pas dépasser ${SIGNATORY_TITLE_MAX} caractères.` }),
    expectedVersion: z.number().int().min(1),
  })
  .superRefine((input, ctx) => {
    // Printed as typed or refused: the letter names its author (see above).
    refuseUnprintableInLetter(ctx, "name", input.name, { asTyped: true });
    refuseUnprintableInLetter(ctx, "title", input.title, { asTyped: true });
  });
export type TLetterSignatoryInput = z.output<typeof ZLetterSignatoryInput>;

/** Where a manager sets it: the refusal names the place. */
export const SIGNATORY_SECTION_TITLE = "Signataire des notifications de décision";

export const MISSING_SIGNATORY_MESSAGE = `Les notifications de décision de cette vague n'ont pas de signataire : renseignez son prénom, son nom et sa qualité dans la partie « ${SIGNATORY_SECTION_TITLE} », en bas de la page Décisions de la vague, puis publiez de nouveau. Aucune décision n'a été publiée.`;

/** The wave's signatory, or the release's refusal: no letter leaves without its author. */
export function requireLetterSignatory(wave: { letterSignatoryName: string | null; letterSignatoryTitle: string | null }): LetterSignatory {
  const name = wave.letterSignatoryName?.trim();
  const title = wave.letterSignatoryTitle?.trim();
  if (!name || !title) throw new AppError("INVALID_STATE", MISSING_SIGNATORY_MESSAGE);
  return { name, title };
}
