import { describe, expect, it } from "vitest";
import { asRole, ofName } from "./elision";

describe("ofName", () => {
  it("elides « de » before a vowel, an accented one or an h, and not before a consonant", () => {
    expect(ofName("Hélène Marchand")).toBe("d'Hélène Marchand");
    expect(ofName("Émilie Roux")).toBe("d'Émilie Roux");
    expect(ofName("Anne Leroy")).toBe("d'Anne Leroy");
    expect(ofName("Marc Petit")).toBe("de Marc Petit");
    // Establishments too: « la prolongation d'EHPAD Les Tilleuls ».
    expect(ofName("EHPAD Les Tilleuls")).toBe("d'EHPAD Les Tilleuls");
    expect(ofName("CH de Niort")).toBe("de CH de Niort");
  });
});

describe("asRole", () => {
  it("elides « que » before a vowel, and not before a consonant", () => {
    expect(asRole("instructeur ou instructrice de l'ANS")).toBe("en tant qu'instructeur ou instructrice de l'ANS");
    expect(asRole("chargé ou chargée de programme")).toBe("en tant que chargé ou chargée de programme");
    expect(asRole("membre de « EHPAD Les Tilleuls »")).toBe("en tant que membre de « EHPAD Les Tilleuls »");
  });
});
