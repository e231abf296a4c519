import { describe, expect, it } from "vitest";
import { toWinAnsi } from "./win-ansi";

describe("toWinAnsi", () => {
  it("keeps French as it is", () => {
    const french = "« Œuvre » : l’été, ça coûte 12\u00a0500 € – déjà payé…";
    expect(toWinAnsi(french)).toBe(french);
  });

  it("replaces what Helvetica cannot draw", () => {
    expect(toWinAnsi("12\u202f500\u00a0€")).toBe("12\u00a0500\u00a0€");
    expect(toWinAnsi("Łódź − Ștefan 😀 東京")).toBe("Lódz - Stefan ? ??");
    expect(toWinAnsi("Cafe\u0301\tbar")).toBe("Café bar");
  });
});
