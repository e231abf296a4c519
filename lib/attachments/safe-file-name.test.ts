import { describe, expect, it } from "vitest";
import { safeFileName } from "./safe-file-name";

describe("safeFileName", () => {
  it.each([
    ["Procédure d'habilitation.pdf", "Procédure d'habilitation.pdf"],
    ["../../etc/passwd.pdf", "passwd.pdf"],
    ["C:\\Users\\marie\\rapport.pdf", "rapport.pdf"],
    ["rapport\u0000\r\n.pdf", "rapport.pdf"],
    ["rapport\u202efdp.exe", "rapportfdp.exe"],
    ["Cafe\u0301.pdf", "Café.pdf"],
    ['a<b>:c"d|e?f*.pdf', "a_b__c_d_e_f_.pdf"],
    ["  plusieurs   espaces .pdf ", "plusieurs espaces .pdf"],
    ["...cache.pdf", "cache.pdf"],
    ["CON.pdf", "_CON.pdf"],
    ["nul.tar.pdf", "_nul.tar.pdf"],
    ["console.pdf", "console.pdf"],
    ["", "fichier.pdf"],
    ["../", "fichier.pdf"],
  ])("%j → %j", (name, safe) => {
    expect(safeFileName(name, "pdf")).toBe(safe);
  });

  it("cuts long names to 150 characters, keeping the extension and whole characters", () => {
    const safe = safeFileName(`${"é".repeat(100)}${"😀".repeat(100)}.docx`, "docx");
    expect([...safe].length).toBeLessThanOrEqual(150);
    expect(safe.endsWith("😀.docx")).toBe(true);
    expect(safe.isWellFormed()).toBe(true);
  });
});
