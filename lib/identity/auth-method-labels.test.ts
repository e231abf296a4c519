import { describe, expect, it } from "vitest";
import { sessionOpenedWith } from "./auth-method-labels";

describe("what opened a session, on « Mon compte »", () => {
  const keyNames = new Map([["cle-1", "Clé du bureau"]]);

  it("names the key by the name the person gave it", () => {
    expect(sessionOpenedWith({ method: "PASSKEY", credentialId: "cle-1" }, keyNames)).toBe("Clé « Clé du bureau »");
  });

  it("says « Pro Santé Connect » or the demonstration link for the other ways in", () => {
    expect(sessionOpenedWith({ method: "PRO_SANTE_CONNECT", credentialId: null }, keyNames)).toBe("Pro Santé Connect");
    expect(sessionOpenedWith({ method: "DEMO_LINK", credentialId: null }, keyNames)).toBe("Lien de démonstration");
  });

  it("says a key without naming one when the session does not record which (opened before it did)", () => {
    expect(sessionOpenedWith({ method: "PASSKEY", credentialId: null }, keyNames)).toBe("Clé d'accès");
  });
});
