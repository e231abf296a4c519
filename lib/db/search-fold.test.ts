import { describe, expect, it } from "vitest";
import { ACCENTED_LETTERS, BASE_LETTERS, foldForSearch, likeLiteral, searchWords } from "./search-fold";

describe("search folding", () => {
  it("drops accents, capitals and the typographic apostrophe, and spells out œ and æ", () => {
    expect(foldForSearch("L’Île-de-France : HÔPITAL Saint-Étienne, Cœur de Lætitia")).toBe(
      "l'ile-de-france : hopital saint-etienne, coeur de laetitia",
    );
  });

  it("maps every accented letter to one base letter", () => {
    expect([...ACCENTED_LETTERS]).toHaveLength([...BASE_LETTERS].length);
    for (const [index, letter] of [...ACCENTED_LETTERS].entries()) {
      expect(
        letter
          .normalize("NFD")
          .replace(/\p{Mn}/gu, "")
          .toLowerCase(),
      ).toBe(BASE_LETTERS[index]);
    }
  });

  it("splits a search into its distinct folded words", () => {
    expect(searchWords("  Hélène   MARCHAND hélène ")).toEqual(["helene", "marchand"]);
    expect(searchWords("   ")).toEqual([]);
    expect(searchWords(undefined)).toEqual([]);
  });

  it("reads « % », « _ » and « \\ » as themselves, not as LIKE's wildcards", () => {
    expect(searchWords("karim_benali 100% a\\b")).toEqual(["karim\\_benali", "100\\%", "a\\\\b"]);
    expect(likeLiteral("%%")).toBe("\\%\\%");
  });
});
