import { describe, expect, it } from "vitest";
import { withRppsKey } from "@/lib/identifiers/rpps";
import { IDENTITY, POPULATION } from "./codecs";
import { comparable, normalizePersonName } from "./normalize";
import { formatMieList, parseMieList, parseRpps } from "./values";

const d = (iso: string) => new Date(`${iso}T00:00:00Z`);

describe("comparable", () => {
  it.each([
    ["Type d'identifiant PP", "type identifiant pp"],
    ["Type d’identifiant PP", "type identifiant pp"],
    ["Type d identifiant PP", "type identifiant pp"],
    ["  PRÉNOM ", "prenom"],
    ["Salarié(e)", "salarie e"],
    ["FranceConnect+", "franceconnect+"],
    ["l", "l"],
  ])("%j → %j", (text, expected) => {
    expect(comparable(text)).toBe(expected);
  });
});

describe("normalizePersonName", () => {
  it("ignores case, accents, hyphens and apostrophes, and keeps non-Latin letters", () => {
    expect(normalizePersonName(" Lefèvre-Durand ")).toBe("LEFEVRE DURAND");
    expect(normalizePersonName("O'Brien")).toBe("O BRIEN");
    expect(normalizePersonName("Иванова")).toBe("ИВАНОВА");
  });
});

describe("enumerated values", () => {
  it("reads labels, codes and usual spellings; tells FranceConnect+ from FranceConnect", () => {
    expect(POPULATION.parse("libérale", "Population")).toEqual({ ok: true, value: "SELF_EMPLOYED" });
    expect(POPULATION.parse("TEMPORARY", "Population")).toEqual({ ok: true, value: "TEMPORARY" });
    expect(POPULATION.parse(" ", "Population")).toEqual({ ok: true, value: null });
    expect(IDENTITY.parse("fc+", "Vérification d'identité")).toEqual({ ok: true, value: "FRANCECONNECT_PLUS" });
    expect(IDENTITY.parse("FranceConnect", "Vérification d'identité").ok).toBe(false);
  });
});

describe("RPPS cells", () => {
  const rpps = withRppsKey("1000000000");
  it.each([
    [rpps, rpps],
    [`8${rpps}`, rpps],
    ["100 000 000 09", rpps],
    ["", null],
  ])("%j → %j", (text, expected) => {
    expect(parseRpps(text)).toEqual({ ok: true, value: expected });
  });

  it("checks the key of the RPPS inside a national identifier", () => {
    expect(parseRpps("810000000008")).toEqual({
      ok: false,
      errors: ["le numéro RPPS 10000000008 est invalide : sa clé de contrôle ne correspond pas (vérifiez-le dans l'Annuaire Santé)"],
    });
  });

  it("refuses a number of zeros (it passes Luhn) and says to leave the cell empty instead", () => {
    expect(parseRpps("00000000000")).toEqual({
      ok: false,
      errors: [
        "le numéro RPPS 00000000000 n'est composé que de zéros : laissez la colonne vide si le professionnel n'a pas de numéro RPPS",
      ],
    });
  });
});

describe("MIE cells", () => {
  it("write and read back enrolment, expiry and revocation", () => {
    const enrollments = [
      { type: "E_CPS" as const, enrolledAt: d("2025-03-01"), expiresAt: null, revokedAt: null },
      { type: "CPS" as const, enrolledAt: d("2023-01-15"), expiresAt: d("2026-01-15"), revokedAt: null },
      { type: "FIDO2_LOCAL" as const, enrolledAt: d("2024-01-01"), expiresAt: null, revokedAt: d("2025-06-30") },
    ];
    const text = formatMieList(enrollments);
    expect(text).toBe("E_CPS:01/03/2025, CPS:15/01/2023:15/01/2026, FIDO2_LOCAL:01/01/2024::30/06/2025");
    expect(parseMieList(text)).toEqual({ ok: true, value: enrollments });
  });

  it("reads French dates, other separators and spellings", () => {
    expect(parseMieList("fido2 psc : 01/02/2026 | e-cps:2025-03-01\n")).toEqual({
      ok: true,
      value: [
        { type: "FIDO2_PSC", enrolledAt: d("2026-02-01"), expiresAt: null, revokedAt: null },
        { type: "E_CPS", enrolledAt: d("2025-03-01"), expiresAt: null, revokedAt: null },
      ],
    });
  });

  it("reports bad dates, extra parts and a revocation before enrolment", () => {
    expect(parseMieList("CPS:2025-13-01;TOTP_APP:2025-01-01:::x;PASSWORD:2025-01-01::2024-01-01")).toEqual({
      ok: false,
      errors: [
        "dans la colonne « MIE », « 2025-13-01 » (CPS) n'est pas une date valide (JJ/MM/AAAA ou AAAA-MM-JJ)",
        "dans la colonne « MIE », « TOTP_APP:2025-01-01:::x » a trop de parties (attendu : TOTP_APP:enrôlement[:expiration[:révocation]])",
        "dans la colonne « MIE », la révocation de PASSWORD (01/01/2024) précède son enrôlement (01/01/2025)",
      ],
    });
  });
});
