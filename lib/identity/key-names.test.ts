import { describe, expect, it } from "vitest";
import { foldKeyName, isKeyNameTaken } from "./key-names";

describe("key names", () => {
  it("are the same whatever their case and spaces", () => {
    expect(foldKeyName("  Clé   PRINCIPALE ")).toBe("clé principale");
    expect(foldKeyName("Clé\u00a0principale")).toBe("clé principale");
  });

  it("are taken when another key of the account already has the name, folded", () => {
    const keys = [{ name: "Clé principale" }, { name: "Clé de secours" }];
    expect(isKeyNameTaken("clé  Principale", keys)).toBe(true);
    expect(isKeyNameTaken("Clé du bureau", keys)).toBe(false);
    // Accents are letters, not case: « Cle » is another name.
    expect(isKeyNameTaken("Cle principale", keys)).toBe(false);
  });
});
