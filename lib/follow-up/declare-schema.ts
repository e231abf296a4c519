import { z } from "zod";

/** The declaration of results, objective by objective, as the form sends it and the server reads it. */
export const ZDeclareResultsInput = z.object({
  objectives: z
    .array(
      z.object({
        objectiveCode: z.string().trim().min(1),
        achieved: z.enum(["yes", "no"], { error: "Indiquez si l'objectif est atteint." }).transform((value) => value === "yes"),
        comment: z
          .string()
          .trim()
          .min(1, { error: "Expliquez le résultat en quelques mots." })
          .max(4000, { error: "4 000 caractères au plus." }),
      }),
    )
    .min(1)
    .max(50),
});
export type TDeclareResultsInput = z.output<typeof ZDeclareResultsInput>;
