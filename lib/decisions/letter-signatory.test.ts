import { describe, expect, it } from "vitest";
import { ZLetterSignatoryInput } from "./letter-signatory";

const messagesOf = (input: { name: string; title: string }) => {
  const parsed = ZLetterSignatoryInput.safeParse({ ...input, expectedVersion: 1 });
  return parsed.success ? {} : Object.fromEntries(parsed.error.issues.map((issue) => [issue.path.join("."), issue.message]));
};

describe("ZLetterSignatoryInput", () => {
  it("refuses in the name and the title what the letter cannot print as typed, with the proposal's message", () => {
    expect(messagesOf({ name: "Łucja Nguyễn 😀", title: "Directrice ✓ générale" })).toEqual({
      name: "La lettre de décision ne peut pas imprimer « Ł », « ễ », « 😀 » : retirez-les ou remplacez-les.",
      title: "La lettre de décision ne peut pas imprimer « ✓ » : retirez-le ou remplacez-le.",
    });
  });

  it("takes a French name and title as typed, accents, ligatures and apostrophes included", () => {
    expect(
      messagesOf({ name: "Anne-Cécile Lœwenbrück d’Ormesson", title: "Directrice générale de l'Agence du Numérique en Santé" }),
    ).toEqual({});
  });
});
