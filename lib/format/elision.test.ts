import { describe, expect, it } from "vitest";
import { ofName } from "./elision";

describe("ofName", () => {
  it("elides « de » before a vowel, an accented one or an h, and not before a consonant", () => {
    expect(ofName("Hélène Marchand")).toBe("d'Hélène Marchand");
    expect(ofName("Émilie Roux")).toBe("d'Émilie Roux");
    expect(ofName("Anne Leroy")).toBe("d'Anne Leroy");
    expect(ofName("Marc Petit")).toBe("de Marc Petit");
  });
});
