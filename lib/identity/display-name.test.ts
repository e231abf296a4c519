import { fakerFR } from "@faker-js/faker";
import { describe, expect, it } from "vitest";
import { DISPLAY_NAME_MISSING, DISPLAY_NAME_NOT_A_NAME, DISPLAY_NAME_TOO_SHORT, ZAccountNameInput, ZRegistrationInput } from "./schemas";

/** The names an account shows, which open the invitations it sends: a person's name, nothing else. */
describe("a display name", () => {
  const messages = (displayName: string) => ZAccountNameInput.safeParse({ displayName }).error?.issues.map((issue) => issue.message);

  it("accepts names with accents, spaces, apostrophes, hyphens and initials", () => {
    for (const name of ["Inès Garnier-Roux", "Jean-Pierre O'Neil", "Anne d’Arras", "J.-P. Martin", "M. Dupont", "Ngọc Ánh Lê", "Zoé"]) {
      expect(messages(name), name).toBeUndefined();
    }
  });

  it("accepts every name the demo data and the tests type (French first and last names of the seed)", () => {
    const person = fakerFR.definitions.person as { first_name: Record<string, string[]>; last_name: Record<string, string[]> };
    const seedNames = [...Object.values(person.first_name).flat(), ...Object.values(person.last_name).flat()];
    const typed = ["Claire Dumont", "Hélène Marchand", "Personne de la matrice", "Inès Instructrice", "Aline Régionale", "Marc Égaré"];
    expect([...seedNames, ...typed].filter((name) => messages(name) !== undefined)).toEqual([]);
  });

  it("is trimmed, with its spaces made single", () => {
    expect(ZAccountNameInput.parse({ displayName: "  Inès\u00a0 Garnier " }).displayName).toBe("Inès Garnier");
  });

  it("refuses digits, links, addresses and punctuation that would make it a message", () => {
    for (const name of [
      "URGENT : votre accès expire, appelez le 01 23 45 67 89 ou https://evil.example/ans –",
      "Claire Dumont 2",
      "claire@exemple.fr",
      "Voir exemple.fr",
      "Claire / ANS",
      "Claire, ANS",
      "Appelez-nous !",
      "-Claire",
      "Claire\u200bDumont",
    ]) {
      expect(messages(name), name).toEqual([DISPLAY_NAME_NOT_A_NAME]);
    }
  });

  it("refuses a single letter or a lone initial: others would read no name", () => {
    for (const name of ["A", "é", "J.", " Z "]) expect(messages(name), name).toEqual([DISPLAY_NAME_TOO_SHORT]);
    expect(DISPLAY_NAME_TOO_SHORT).toBe("Saisissez vos prénom et nom, pas seulement une initiale.");
    for (const name of ["Lé", "Li Na", "J. Li"]) expect(messages(name), name).toBeUndefined();
  });

  it("is still required, with its own message, on the account page and at an invitation's acceptance", () => {
    expect(messages("   ")).toEqual([DISPLAY_NAME_MISSING]);
    const registration = {
      invitationToken: "x".repeat(20),
      challengeId: "00000000-0000-4000-8000-000000000000",
      response: { id: "cle", type: "public-key" },
      keyName: "Ma clé",
    };
    expect(ZRegistrationInput.safeParse({ ...registration, displayName: "Inès Garnier" }).success).toBe(true);
    expect(ZRegistrationInput.safeParse({ ...registration, displayName: "Appelez le 01 23 45 67 89" }).error?.issues).toMatchObject([
      { path: ["displayName"], message: DISPLAY_NAME_NOT_A_NAME },
    ]);
  });
});
