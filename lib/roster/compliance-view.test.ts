import { describe, expect, it } from "vitest";
import {
  chooseProjectionTarget,
  describeLost,
  emptyRosterBeforeSubmission,
  formatShare,
  formatSharePercent,
  objective1Shortfall,
  objective2Summary,
  rosterDisagreements,
} from "./compliance-view";

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

describe("objective1Shortfall", () => {
  const objective1 = { met: false, registrationComplete: false, identityComplete: false, entitlementProcedureDeclared: true };

  it("says an empty roster is empty, rather than that its professionals are not registered", () => {
    expect(objective1Shortfall({ overall: { active: 0 }, objective1 })).toBe(
      "aucun professionnel en activité dans le registre : ajoutez ou importez vos professionnels pour que l'objectif puisse être mesuré",
    );
    expect(objective1Shortfall({ overall: { active: 0 }, objective1: { ...objective1, entitlementProcedureDeclared: false } })).toBe(
      "aucun professionnel en activité dans le registre : ajoutez ou importez vos professionnels pour que l'objectif puisse être mesuré ; procédure de gestion des habilitations non déclarée (profil de l'établissement)",
    );
  });

  it("lists what is missing when there are professionals, and nothing once the objective is met", () => {
    expect(objective1Shortfall({ overall: { active: 3 }, objective1: { ...objective1, registrationComplete: true } })).toBe(
      "toutes les identités ne sont pas vérifiées au niveau substantiel",
    );
    expect(
      objective1Shortfall({
        overall: { active: 3 },
        objective1: { met: true, registrationComplete: true, identityComplete: true, entitlementProcedureDeclared: true },
      }),
    ).toBeNull();
  });
});

describe("emptyRosterBeforeSubmission", () => {
  it("warns before submitting a dossier whose roster, frozen at submission, is empty", () => {
    expect(emptyRosterBeforeSubmission({ active: 0 })).toBe(
      "Le registre des professionnels est vide : les indicateurs figés au dépôt du dossier seraient tous à zéro. Complétez-le avant de déposer.",
    );
    expect(emptyRosterBeforeSubmission({ active: 1 })).toBeNull();
  });
});

describe("objective2Summary", () => {
  it("says an empty roster is empty, as objective 1 does, rather than « 0 sur 0 »", () => {
    const summary = objective2Summary({ overall: { active: 0 }, objective2: { concerned: 0, compliant: 0 } });
    expect(summary).toBe(
      "aucun professionnel en activité dans le registre : ajoutez ou importez vos professionnels pour que l'objectif puisse être mesuré",
    );
    expect(summary).toBe(
      objective1Shortfall({
        overall: { active: 0 },
        objective1: { met: false, registrationComplete: false, identityComplete: false, entitlementProcedureDeclared: true },
      }),
    );
  });

  it("says nobody needs a compliant MIE when no one in activity does, rather than « 0 sur 0 »", () => {
    expect(objective2Summary({ overall: { active: 4 }, objective2: { concerned: 0, compliant: 0 } })).toBe(
      "aucun des professionnels en activité n'a besoin d'un MIE conforme au RIE",
    );
  });

  it("gives the share of those who need a compliant MIE otherwise", () => {
    expect(plain(objective2Summary({ overall: { active: 50 }, objective2: { concerned: 40, compliant: 12 } }))).toBe(
      "12 sur 40 (30 %) des professionnels qui en ont besoin ont un MIE conforme",
    );
  });
});

describe("rosterDisagreements", () => {
  const disagreements = (figures: Parameters<typeof rosterDisagreements>[0]) =>
    Object.fromEntries(Object.entries(rosterDisagreements(figures)).map(([code, notice]) => [code, plain(notice!)]));
  const share = (count: number, of: number) => ({ count, of, share: of === 0 ? null : count / of });
  const figures = {
    at: "2026-12-07",
    overall: { active: 46, registered: share(23, 46), identitySubstantial: share(19, 46) },
    objective1: { met: false, registrationComplete: false, identityComplete: false, entitlementProcedureDeclared: false },
    objective2: { met: false, concerned: 38, compliant: 14 },
  };

  it("says, for O1 and O2 computed not met, what the roster shows, with its date", () => {
    expect(disagreements(figures)).toEqual({
      O1: "D'après le registre des professionnels au 07/12/2026, l'objectif O1 n'est pas atteint : 23 sur 46 (50 %) enregistrés au RPPS ; 19 sur 46 (41 %) avec une identité vérifiée au niveau substantiel ; procédure de gestion des habilitations non déclarée (profil de l'établissement).",
      O2: "D'après le registre des professionnels au 07/12/2026, l'objectif O2 n'est pas atteint : 14 sur 38 (37 %) des professionnels qui en ont besoin ont un MIE conforme.",
    });
  });

  it("says nothing of an objective the roster computes met, and names only the missing procedure when the figures are complete", () => {
    const complete = {
      ...figures,
      overall: { active: 46, registered: share(46, 46), identitySubstantial: share(46, 46) },
      objective1: { met: false, registrationComplete: true, identityComplete: true, entitlementProcedureDeclared: false },
      objective2: { met: true, concerned: 38, compliant: 38 },
    };
    expect(disagreements(complete)).toEqual({
      O1: "D'après le registre des professionnels au 07/12/2026, l'objectif O1 n'est pas atteint : procédure de gestion des habilitations non déclarée (profil de l'établissement).",
    });
    expect(disagreements({ ...complete, objective1: { ...complete.objective1, met: true, entitlementProcedureDeclared: true } })).toEqual(
      {},
    );
  });

  it("says an empty roster is empty", () => {
    const empty = {
      ...figures,
      overall: { active: 0, registered: share(0, 0), identitySubstantial: share(0, 0) },
      objective1: { ...figures.objective1, entitlementProcedureDeclared: true },
      objective2: { met: false, concerned: 0, compliant: 0 },
    };
    expect(disagreements(empty).O2).toBe(
      "D'après le registre des professionnels au 07/12/2026, l'objectif O2 n'est pas atteint : aucun professionnel en activité dans le registre : ajoutez ou importez vos professionnels pour que l'objectif puisse être mesuré.",
    );
    expect(disagreements(empty).O1).toBe(disagreements(empty).O2!.replace("O2", "O1"));
  });
});
