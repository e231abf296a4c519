import { describe, expect, it } from "vitest";
import { chooseProjectionTarget, describeLost, formatShare, formatSharePercent } from "./compliance-view";

/** French no-break spaces read as plain spaces. */
const plain = (text: string | null) => text?.replace(/[\u00a0\u202f]/g, " ") ?? null;

describe("formatShare", () => {
  it("writes the count, its denominator and the share, in French", () => {
    expect(plain(formatShare({ count: 12, of: 40 }))).toBe("12 sur 40 (30 %)");
    expect(plain(formatShare({ count: 1234, of: 10000 }))).toBe("1 234 sur 10 000 (12 %)");
  });

  it("never shows a percentage for 0 of 0", () => {
    expect(formatShare({ count: 0, of: 0 })).toBe("0 sur 0");
    expect(formatSharePercent({ count: 0, of: 0 })).toBeNull();
  });

  it("does not round an incomplete share up to 100 %, nor a non-zero one down to 0 %", () => {
    expect(plain(formatSharePercent({ count: 399, of: 400 }))).toBe("> 99 %");
    expect(plain(formatSharePercent({ count: 400, of: 400 }))).toBe("100 %");
    expect(plain(formatSharePercent({ count: 1, of: 400 }))).toBe("< 1 %");
    expect(plain(formatSharePercent({ count: 0, of: 400 }))).toBe("0 %");
  });
});

describe("describeLost", () => {
  it("lists what is lost in words", () => {
    expect(describeLost(["DMP_READY"])).toBe("son accès au DMP");
    expect(describeLost(["RIE_COMPLIANT", "DMP_READY", "RPPS_CHECK"])).toBe(
      "son moyen d'identification conforme au RIE, son accès au DMP et la vérification à jour de son lien avec le RPPS",
    );
  });
});

describe("chooseProjectionTarget", () => {
  it("takes the date asked for when it is after today", () => {
    expect(chooseProjectionTarget("2026-11-29", "2027-06-30", "2027-03-31")).toEqual({
      target: "2027-06-30",
      source: "chosen",
      error: null,
    });
  });

  it("explains a date it cannot use, and falls back to the wave's closing day", () => {
    expect(chooseProjectionTarget("2026-11-29", "2027-02-30", "2027-03-31")).toMatchObject({
      target: "2027-03-31",
      source: "wave",
      error: expect.stringContaining("pas une date valide"),
    });
    expect(chooseProjectionTarget("2026-11-29", "2026-11-29", null)).toMatchObject({
      target: "2026-12-31",
      source: "year-end",
      error: expect.stringContaining("postérieure"),
    });
  });

  it("uses 31 December when the dossier's wave has closed or there is none, next year's on 31 December", () => {
    expect(chooseProjectionTarget("2026-11-29", undefined, "2026-03-31")).toEqual({
      target: "2026-12-31",
      source: "year-end",
      error: null,
    });
    expect(chooseProjectionTarget("2026-11-29", "", null)).toEqual({ target: "2026-12-31", source: "year-end", error: null });
    expect(chooseProjectionTarget("2026-12-31", undefined, null)).toEqual({ target: "2027-12-31", source: "year-end", error: null });
  });
});
