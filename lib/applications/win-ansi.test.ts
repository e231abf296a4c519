import { describe, expect, it } from "vitest";
import { toWinAnsi, unprintableCharacters } from "./win-ansi";

describe("toWinAnsi", () => {
  it("keeps French as it is", () => {
    const french = "« Œuvre » : l’été, ça coûte 12\u00a0500 € – déjà payé… ½ budget, 2° et m², n° 3, ×2 ± 1.";
    expect(toWinAnsi(french)).toBe(french);
  });

  it("replaces what Helvetica cannot draw", () => {
    expect(toWinAnsi("12\u202f500\u00a0€")).toBe("12\u00a0500\u00a0€");
    expect(toWinAnsi("Łódź − Ștefan 東京")).toBe("Lódz - Stefan ??");
    expect(toWinAnsi("Cafe\u0301\tbar")).toBe("Café bar");
  });

  it("writes the mathematical signs a manager types the way a spreadsheet formula does", () => {
    expect(toWinAnsi("taux ≥ 80 % ; ≤ 20 ; ⩾ 3 ; ⩽ 4 ; a ≠ b ; ≈ 3 M€ ; ≃ 2")).toBe(
      "taux >= 80 % ; <= 20 ; >= 3 ; <= 4 ; a <> b ; ~ 3 M€ ; ~ 2",
    );
  });

  it("never turns a sign into its opposite by dropping its stroke", () => {
    // ≠ is « = » with a combining solidus: stripping marks as for a letter's accent would print « = ».
    expect(toWinAnsi("≠")).toBe("<>");
    expect(toWinAnsi("≮ ≯ ∉")).toBe("? ? ?");
  });

  it("writes arrows, check marks and bullets in characters the letter has", () => {
    expect(toWinAnsi("cœur du projet → fédération ; ← ; ⇒ ; ⇔ ; ↔")).toBe("cœur du projet -> fédération ; <- ; => ; <=> ; <->");
    expect(toWinAnsi("Tâche n° 2 ✓ ; ✔ ; ✅ ; ☑ ; ✗ ; ✘ ; ❌")).toBe("Tâche n° 2 (oui) ; (oui) ; (oui) ; (oui) ; (non) ; (non) ; (non)");
    expect(toWinAnsi("◦ a ▪ b ‣ c ● d ★★")).toBe("• a • b • c • d **");
  });

  it("spells out compatibility characters: ordinals, ligatures, fractions, superscripts, n°", () => {
    expect(toWinAnsi("le 1ᵉʳ et le 2ᵉ ; ﬁnancement ; ⅓ ; 10⁴ ; CO₂ ; № 5 ; 20 ℃")).toBe(
      "le 1er et le 2e ; financement ; 1/3 ; 104 ; CO2 ; n° 5 ; 20 °C",
    );
  });

  it("keeps quotes, dashes and line breaks from other keyboards as their French look-alikes", () => {
    expect(toWinAnsi("l\u02bcétat ‛a‟ ‒ ― 5′ 6″")).toBe("l’état 'a\" – — 5' 6\"");
    expect(toWinAnsi("a\r\nb\rc\u2028d")).toBe("a\nb\nc\nd");
    expect(toWinAnsi("zero\u200bwidth\ufeff\u2060\u0000\u0085")).toBe("zerowidth");
    // Word's manual line break is a vertical tab.
    expect(toWinAnsi("a\vb")).toBe("a\nb");
  });

  it("leaves out pictographs (emoji), with the space they leave", () => {
    expect(toWinAnsi("Bravo 🎉 ! 👍🏽 Projet 🇫🇷 solide ❤️")).toBe("Bravo ! Projet solide");
    expect(toWinAnsi("🎉 Bravo\u00a0!")).toBe("Bravo\u00a0!");
    expect(toWinAnsi("Bravo 🎉\u00a0!")).toBe("Bravo\u00a0!");
    expect(toWinAnsi("1️⃣ premier")).toBe("1 premier");
  });
});

describe("unprintableCharacters", () => {
  it("lists, once each, what the letter leaves out or prints as « ? »", () => {
    expect(unprintableCharacters("taux ≥ 80 % → ✓ 東京 🎉 東")).toEqual(["東", "京", "🎉"]);
    expect(unprintableCharacters("Très bien : ≥ 80 %\r\nsur deux lignes\u200b")).toEqual([]);
  });
});
