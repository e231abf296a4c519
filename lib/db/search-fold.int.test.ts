import { describe, expect, it } from "vitest";
import { testDb } from "@/test/integration/database";
import { ACCENTED_LETTERS, foldForSearch } from "./search-fold";

/** The app folds a search and the database folds the stored names: both must fold alike. */
describe("the database's search_fold", () => {
  it("folds every letter as the app folds a search", async () => {
    const ascii = Array.from({ length: 0x7f - 0x20 }, (_, index) => String.fromCharCode(0x20 + index)).join("");
    const samples = [...ACCENTED_LETTERS, ascii, "ŒœÆæ’‘ʼ", "ØøßÞ", "L’Œuvre de l'ÎLE"];
    const rows = await testDb.$queryRaw<
      { folded: string }[]
    >`SELECT search_fold(sample) AS folded FROM unnest(${samples}::text[]) WITH ORDINALITY AS s(sample, n) ORDER BY n`;
    expect(rows.map((row) => row.folded)).toEqual(samples.map(foldForSearch));
  });
});
