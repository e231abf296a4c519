import { describe, expect, it } from "vitest";
import { fileNameWords } from "./file-name";

describe("file name words", () => {
  it.each([
    ["Vague de généralisation 2025", "vague-de-generalisation-2025"],
    ["Vague pilote 2024 (HospiConnect / Hop'en 2)", "vague-pilote-2024-hospiconnect-hop-en-2"],
    ["  Île-de-France : ESMS  ", "ile-de-france-esms"],
  ])("« %s » → %s", (title, words) => {
    expect(fileNameWords(title)).toBe(words);
  });
});
