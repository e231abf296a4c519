import { describe, expect, it } from "vitest";
import { foldKeyName, isKeyNameTaken } from "./key-names";
import { KEY_NAME_INVISIBLE, ZKeyName, ZRenameCredentialInput } from "./schemas";

describe("key names", () => {
  it("are the same whatever their case and spaces", () => {
    expect(foldKeyName("  Clé   PRINCIPALE ")).toBe("cle principale");
    expect(foldKeyName("Clé\u00a0principale")).toBe("cle principale");
  });

  it("are taken when another key of the account already has the name, folded", () => {
    const keys = [{ name: "Clé principale" }, { name: "Clé de secours" }];
    expect(isKeyNameTaken("clé  Principale", keys)).toBe(true);
    expect(isKeyNameTaken("Clé du bureau", keys)).toBe(false);
  });

  it("are the same whatever their accents: « cle de secours » would not tell the two keys apart", () => {
    const keys = [{ name: "Clé principale" }, { name: "Clé de secours" }];
    expect(isKeyNameTaken("cle de secours", keys)).toBe(true);
    expect(isKeyNameTaken("CLE PRINCIPALE", keys)).toBe(true);
    expect(isKeyNameTaken("Clé d’accès", [{ name: "cle d'acces" }])).toBe(true);
  });

  it("refuse bidi controls and other invisible characters, which would make a name read otherwise than it is", () => {
    for (const hidden of [
      "\u202a",
      "\u202b",
      "\u202c",
      "\u202d",
      "\u202e",
      "\u2066",
      "\u2067",
      "\u2068",
      "\u2069",
      "\u200b",
      "\u200e",
      "\u0007",
    ]) {
      const code = hidden.codePointAt(0)!.toString(16);
      expect(
        ZKeyName.safeParse(`Clé${hidden}evil`).error?.issues.map((issue) => issue.message),
        code,
      ).toEqual([KEY_NAME_INVISIBLE]);
      expect(ZRenameCredentialInput.safeParse({ name: `Clé${hidden}evil` }).success, code).toBe(false);
    }
    expect(KEY_NAME_INVISIBLE).toBe("Le nom contient un caractère invisible ou de mise en forme : retapez-le sans copier-coller.");
    // Spacing typed or pasted is one space, accents and emoji stay.
    expect(ZKeyName.parse("  Clé\u00a0 du\tbureau 🔑 ")).toBe("Clé du bureau 🔑");
  });
});
