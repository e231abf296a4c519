import { describe, expect, it } from "vitest";
import { dossierNumberSearched, dossierReference } from "./dossier-reference";

describe("a dossier's reference", () => {
  it("reads its number prefixed and padded to five digits, and longer numbers whole", () => {
    expect(dossierReference(42)).toBe("HC-00042");
    expect(dossierReference(1)).toBe("HC-00001");
    expect(dossierReference(123456)).toBe("HC-123456");
  });

  it("is found again as typed, whatever the case, padding or dash", () => {
    for (const typed of ["HC-00042", "hc-42", "HC42", " Hc - 0042 "]) expect(dossierNumberSearched(typed)).toBe(42);
    expect(dossierNumberSearched(dossierReference(123456))).toBe(123456);
  });

  it("is not read into a name, a FINESS or a bare number", () => {
    for (const typed of ["EHPAD", "750712184", "42", "HC-", "HC-4a", "ARCHE"]) expect(dossierNumberSearched(typed)).toBeNull();
  });
});
