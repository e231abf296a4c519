import { describe, expect, it } from "vitest";
import { withRppsKey } from "@/lib/identifiers/rpps";
import { linesWithMieAwaitingRppsWarning, mieAwaitingRpps, mieAwaitingRppsWarning } from "./mie-awaiting-rpps";

const RPPS = withRppsKey("1000000000");
const held = (...types: Array<"E_CPS" | "FIDO2_PSC" | "CPS" | "PASSWORD">) => types.map((type) => ({ type }));

describe("mieAwaitingRpps", () => {
  it("names the e-CPS and the PSC key of a professional not registered in RPPS, not the CPS", () => {
    expect(mieAwaitingRpps({ rpps: null, rppsStatus: "NOT_REGISTERED", enrollments: held("FIDO2_PSC", "CPS", "E_CPS", "E_CPS") })).toEqual([
      "E_CPS",
      "FIDO2_PSC",
    ]);
    expect(mieAwaitingRpps({ rpps: null, rppsStatus: "NOT_REGISTERED", enrollments: held("CPS", "PASSWORD") })).toEqual([]);
  });

  it("reads registration as the verdicts do: a number, valid, and the status « Enregistré »", () => {
    expect(mieAwaitingRpps({ rpps: RPPS, rppsStatus: "REGISTERED", enrollments: held("E_CPS") })).toEqual([]);
    expect(mieAwaitingRpps({ rpps: RPPS, rppsStatus: "REQUESTED", enrollments: held("E_CPS") })).toEqual(["E_CPS"]);
    expect(mieAwaitingRpps({ rpps: "10000000008", rppsStatus: "REGISTERED", enrollments: held("E_CPS") })).toEqual(["E_CPS"]);
    expect(mieAwaitingRpps({ rpps: "", rppsStatus: "REGISTERED", enrollments: held("E_CPS") })).toEqual(["E_CPS"]);
  });
});

describe("the warnings", () => {
  it("words the form's warning for one MIE or two", () => {
    expect(mieAwaitingRppsWarning([])).toBeNull();
    expect(mieAwaitingRppsWarning(["E_CPS"])).toBe(
      "e-CPS sans enregistrement au RPPS : ce moyen est délivré avec le numéro RPPS et ne compte pas sans lui. Renseignez le numéro RPPS du professionnel et le statut « Enregistré ».",
    );
    expect(mieAwaitingRppsWarning(["E_CPS", "FIDO2_PSC"])).toMatch(
      /^e-CPS et Clé FIDO2 \(PSC\) sans enregistrement au RPPS : ces moyens sont délivrés avec le numéro RPPS et ne comptent pas sans lui\./,
    );
  });

  it("names the import's lines, ten at most", () => {
    expect(linesWithMieAwaitingRppsWarning([])).toBeNull();
    expect(linesWithMieAwaitingRppsWarning([4])).toMatch(/^La ligne 4 déclare une e-CPS /);
    expect(linesWithMieAwaitingRppsWarning(Array.from({ length: 12 }, (_, index) => index + 2))).toMatch(
      /^12 lignes déclarent \(2, 3, 4, 5, 6, 7, 8, 9, 10, 11…\) une e-CPS/,
    );
  });
});
