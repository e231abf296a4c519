import { describe, expect, it } from "vitest";
import { z } from "zod";
import { frenchZodMessage } from "./french-zod-messages";

const messageOf = (schema: z.ZodType, input: unknown) =>
  schema.safeParse(input, { error: frenchZodMessage }).error?.issues.map((issue) => issue.message);

describe("frenchZodMessage", () => {
  it("says a field is missing, or which kind of value it takes, in words rather than type names", () => {
    const schema = z.object({ name: z.string(), count: z.int(), urgent: z.boolean(), tags: z.array(z.string()) });
    expect(messageOf(schema, {})).toEqual(["Champ obligatoire.", "Champ obligatoire.", "Champ obligatoire.", "Champ obligatoire."]);
    expect(messageOf(schema, { name: 3, count: "2", urgent: "oui", tags: "a" })).toEqual([
      "Valeur invalide : il faut un texte.",
      "Valeur invalide : il faut un nombre.",
      "Valeur invalide : il faut true ou false.",
      "Valeur invalide : il faut une liste.",
    ]);
    expect(messageOf(z.number(), Infinity)).toEqual(["Valeur invalide : un nombre fini est attendu."]);
  });

  it("writes bounds as a French reader does, without comparison signs", () => {
    expect(messageOf(z.int(), 9007199254740993)).toEqual([
      "La valeur doit être inférieure ou égale à 9\u202f007\u202f199\u202f254\u202f740\u202f991.",
    ]);
    expect(messageOf(z.number().gt(0.5), 0)).toEqual(["La valeur doit être supérieure à 0,5."]);
    expect(messageOf(z.string().max(200), "x".repeat(201))).toEqual(["Au plus 200 caractères."]);
    expect(messageOf(z.string().min(1), "")).toEqual(["Champ obligatoire."]);
    expect(messageOf(z.array(z.string()).min(2), ["a"])).toEqual(["Au moins 2 éléments."]);
  });

  it("names the values allowed and never prints a pattern", () => {
    expect(messageOf(z.enum(["DRAFT", "SUBMITTED"]), "SENT")).toEqual([
      "Valeur invalide : il faut l'une des valeurs « DRAFT », « SUBMITTED ».",
    ]);
    expect(messageOf(z.literal(true), false)).toEqual(["Valeur invalide : il faut true."]);
    expect(messageOf(z.string().regex(/^\d{9}$/), "12")).toEqual(["Format invalide."]);
    expect(messageOf(z.email(), "nobody")).toEqual(["Adresse e-mail invalide."]);
  });

  it("leaves a schema's own message alone", () => {
    expect(messageOf(z.string().min(1, "Indiquez le nom."), "")).toEqual(["Indiquez le nom."]);
  });
});
