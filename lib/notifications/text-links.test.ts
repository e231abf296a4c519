import { describe, expect, it } from "vitest";
import { textWithLinks } from "./text-links";

describe("web addresses in a plain-text e-mail's line", () => {
  it("links an address alone on its line, after words, or before a full stop, and nothing else", () => {
    expect(textWithLinks("https://hospiconnect.example/dossiers/42")).toEqual([{ href: "https://hospiconnect.example/dossiers/42" }]);
    expect(textWithLinks("Attribuer un instructeur : https://hospiconnect.example/pilotage?vague=1.")).toEqual([
      { text: "Attribuer un instructeur : " },
      { href: "https://hospiconnect.example/pilotage?vague=1" },
      { text: "." },
    ]);
    expect(textWithLinks("Écrivez-nous (https://a.example/aide) ou javascript:alert(1)")).toEqual([
      { text: "Écrivez-nous (" },
      { href: "https://a.example/aide" },
      { text: ") ou javascript:alert(1)" },
    ]);
    expect(textWithLinks("Aucune adresse ici.")).toEqual([{ text: "Aucune adresse ici." }]);
  });
});
