import { describe, expect, it } from "vitest";
import { formatEnvelopeInput, parseEnvelope } from "./envelope";

describe("funding envelope", () => {
  it.each([
    ["25 000 000", 25_000_000_00n],
    ["3000000 €", 3_000_000_00n],
    ["1\u202f500\u00a0000 EUR", 1_500_000_00n],
  ])("reads « %s »", (text, cents) => {
    expect(parseEnvelope(text)).toEqual({ ok: true, cents });
  });

  it.each([
    ["", "Indiquez le montant"],
    ["25 000 000,50", "sans centimes"],
    ["-5", "sans centimes"],
    ["0", "supérieure à 0"],
    ["000 €", "supérieure à 0"],
    ["2 000 000 000", "milliard"],
  ])("refuses « %s »", (text, message) => {
    const result = parseEnvelope(text);
    expect(result.ok).toBe(false);
    expect(result.ok ? "" : result.message).toContain(message);
  });

  it("writes whole euros back for the form", () => {
    expect(formatEnvelopeInput(25_000_000_00n)).toBe("25 000 000");
    expect(parseEnvelope(formatEnvelopeInput(3_000_000_00n))).toEqual({ ok: true, cents: 3_000_000_00n });
  });
});
