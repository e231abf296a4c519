import { describe, expect, it } from "vitest";
import { checkWaitNotice, countFileLines, saveWaitNotice } from "./import-wait";

const bytes = (text: string) => new TextEncoder().encode(text);

describe("what a director is told to expect while a large import runs", () => {
  it("counts a text file's lines, with or without a final line feed", () => {
    expect(countFileLines(bytes(""))).toBe(0);
    expect(countFileLines(bytes("Nom;Prénom\nA;B\n"))).toBe(2);
    expect(countFileLines(bytes("Nom;Prénom\r\nA;B\r\nC;D"))).toBe(3);
  });

  it("says how many lines are checked and for how long, from 5,000 lines", () => {
    expect(checkWaitNotice({ kind: "text", lines: 3_001 })).toBeNull();
    expect(checkWaitNotice({ kind: "text", lines: 20_000 })).toBe(
      "Fichier de 20\u202f000 lignes : la vérification peut prendre jusqu'à une minute. Ne fermez pas la page.",
    );
    expect(checkWaitNotice({ kind: "text", lines: 90_001 })).toBe(
      "Fichier de 90\u202f001 lignes : la vérification peut prendre jusqu'à 4 minutes. Ne fermez pas la page.",
    );
  });

  it("names a workbook by its size, its lines being unknown to the browser", () => {
    expect(checkWaitNotice({ kind: "workbook", bytes: 100 * 1024 })).toBeNull();
    expect(checkWaitNotice({ kind: "workbook", bytes: 3 * 1024 * 1024 })).toBe(
      "Classeur de 3\u00a0Mo : la vérification peut prendre jusqu'à 3 minutes. Ne fermez pas la page.",
    );
  });

  it("keeps the short sentence for a small import, and gives a bound for a large one", () => {
    expect(saveWaitNotice(3_000)).toBe("Enregistrement en cours, en une seule fois : ne fermez pas la page.");
    expect(saveWaitNotice(90_000)).toBe(
      "Enregistrement de 90\u202f000 lignes en cours, en une seule fois : cela peut prendre jusqu'à 4 minutes. Ne fermez pas la page.",
    );
  });
});
