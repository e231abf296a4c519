import { describe, expect, it } from "vitest";
import { formatEuroAmountInput, MAX_AMOUNT_CENTS, parseEuroAmount } from "./euro-amount";

describe("parseEuroAmount", () => {
  it.each([
    ["12 500,50", 1_250_050n],
    ["12500,5", 1_250_050n],
    ["12\u202f500,50\u00a0€", 1_250_050n],
    ["12 500 EUR", 1_250_000n],
    ["12.500,50", 1_250_050n],
    ["1.250.000", 125_000_000n],
    ["12500.5", 1_250_050n],
    ["12500.05", 1_250_005n],
    ["0", 0n],
    ["0,01", 1n],
    ["12,", 1_200n],
    ["  42  ", 4_200n],
  ])("reads « %s » as %s cents", (text, cents) => {
    expect(parseEuroAmount(text)).toEqual({ ok: true, cents });
  });

  it.each([
    ["", "Indiquez un montant."],
    ["   ", "Indiquez un montant."],
    ["-5", "Le montant ne peut pas être négatif."],
    ["−5", "Le montant ne peut pas être négatif."],
    ["12,345", "Le montant ne peut pas avoir plus de deux décimales (centimes)."],
    ["12.3456", "Le montant ne peut pas avoir plus de deux décimales (centimes)."],
    ["12.500", "Montant ambigu : écrivez « 12 500 » pour des milliers, ou séparez les centimes par une virgule."],
    ["douze", "Indiquez un montant en euros, par exemple « 12 500,50 »."],
    ["1e6", "Indiquez un montant en euros, par exemple « 12 500,50 »."],
    ["12,50,3", "Indiquez un montant en euros, par exemple « 12 500,50 »."],
  ])("refuses « %s »", (text, message) => {
    expect(parseEuroAmount(text)).toEqual({ ok: false, message });
  });

  it("refuses a line above the ceiling, exactly at the cent", () => {
    expect(parseEuroAmount("100 000 000")).toEqual({ ok: true, cents: MAX_AMOUNT_CENTS });
    expect(parseEuroAmount("100 000 000,01")).toMatchObject({ ok: false });
  });
});

describe("formatting amounts", () => {
  it("gives back what a user would type", () => {
    expect(formatEuroAmountInput(1_250_050n)).toBe("12 500,50");
    expect(formatEuroAmountInput(1_250_000n)).toBe("12 500");
    expect(formatEuroAmountInput(5n)).toBe("0,05");
    for (const cents of [0n, 1n, 99n, 100n, 123_456_789n]) {
      expect(parseEuroAmount(formatEuroAmountInput(cents))).toEqual({ ok: true, cents });
    }
  });
});
