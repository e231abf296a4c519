import { describe, expect, it } from "vitest";
import { type Affiliation, type ConflictDossier, conflictDossier, conflictIndex, detectConflicts, newlyFlaggedPairs } from "./conflicts";

const NOW = new Date("2026-11-29T10:00:00Z");
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const DOSSIER: ConflictDossier = {
  finessEj: "690781810",
  finessEt: "750712184",
  siret: "73282932000074",
  regionCode: "84",
  partnerSirets: ["44306184100047"],
  reviewedRegionally: true,
  conflictDeclaredBy: [],
};
const affiliation = (kind: Affiliation["kind"], reference: string, startsOn = "2015-01-01", endsOn: string | null = null): Affiliation => ({
  kind,
  reference,
  startsOn: day(startsOn),
  endsOn: endsOn ? day(endsOn) : null,
});

describe("conflict detection", () => {
  it("flags a current employer matching the establishment's legal entity (EJ) or site FINESS", () => {
    expect(detectConflicts([affiliation("FINESS", "690781810")], DOSSIER, "NATIONAL", NOW)).toEqual(["ESTABLISHMENT_FINESS"]);
    expect(detectConflicts([affiliation("FINESS", "750712184")], DOSSIER, "REGIONAL", NOW)).toEqual(["ESTABLISHMENT_FINESS"]);
    expect(detectConflicts([affiliation("FINESS", "130783236")], DOSSIER, "NATIONAL", NOW)).toEqual([]);
  });

  it("keeps a past employer for 3 years after the end, not longer, and ignores one that has not started", () => {
    expect(detectConflicts([affiliation("FINESS", "690781810", "2010-01-01", "2023-12-01")], DOSSIER, "NATIONAL", NOW)).toEqual([
      "ESTABLISHMENT_FINESS",
    ]);
    expect(detectConflicts([affiliation("FINESS", "690781810", "2010-01-01", "2023-11-28")], DOSSIER, "NATIONAL", NOW)).toEqual([]);
    expect(detectConflicts([affiliation("FINESS", "690781810", "2027-01-01")], DOSSIER, "NATIONAL", NOW)).toEqual([]);
  });

  it("matches companies on the SIREN: the establishment's, or one of its technology partners'", () => {
    expect(detectConflicts([affiliation("SIRET", "73282932000082")], DOSSIER, "NATIONAL", NOW)).toEqual(["ESTABLISHMENT_SIRET"]);
    expect(detectConflicts([affiliation("SIRET", "44306184100013")], DOSSIER, "NATIONAL", NOW)).toEqual(["PARTNER_SIRET"]);
    expect(detectConflicts([affiliation("SIRET", "55203253400646")], DOSSIER, "NATIONAL", NOW)).toEqual([]);
  });

  it("flags, for the national tier only, a reviewer of the ARS that reviewed the dossier regionally", () => {
    const ars = [affiliation("ARS", "84")];
    expect(detectConflicts(ars, DOSSIER, "NATIONAL", NOW)).toEqual(["REGIONAL_ARS"]);
    expect(detectConflicts(ars, DOSSIER, "REGIONAL", NOW)).toEqual([]);
    expect(detectConflicts(ars, { ...DOSSIER, reviewedRegionally: false }, "NATIONAL", NOW)).toEqual([]);
    expect(detectConflicts([affiliation("ARS", "11")], DOSSIER, "NATIONAL", NOW)).toEqual([]);
  });

  it("reports every reason at once, in a stable order", () => {
    const all = [affiliation("SIRET", "44306184100047"), affiliation("ARS", "84"), affiliation("FINESS", "690781810")];
    expect(detectConflicts(all, DOSSIER, "NATIONAL", NOW)).toEqual(["ESTABLISHMENT_FINESS", "PARTNER_SIRET", "REGIONAL_ARS"]);
  });

  it("the index finds the same flags as comparing every pair", () => {
    const reviewers = [
      { id: "a", affiliations: [affiliation("FINESS", "690781810")] },
      { id: "b", affiliations: [affiliation("SIRET", "44306184100013"), affiliation("ARS", "84")] },
      { id: "c", affiliations: [affiliation("FINESS", "690781810", "2000-01-01", "2020-01-01")] },
      { id: "d", affiliations: [] },
    ];
    const index = conflictIndex(reviewers, NOW);
    for (const tier of ["REGIONAL", "NATIONAL"] as const) {
      const expected = new Map(
        reviewers.map((r) => [r.id, detectConflicts(r.affiliations, DOSSIER, tier, NOW)] as const).filter(([, flags]) => flags.length > 0),
      );
      expect(index.flagsFor(DOSSIER, tier)).toEqual(expected);
    }
  });

  it("flags a reviewer who declared a conflict on another dossier of the establishment, after their affiliations' reasons", () => {
    const reviewers = [
      { id: "a", affiliations: [affiliation("FINESS", "690781810")] },
      { id: "d", affiliations: [] },
      { id: "e", affiliations: [] },
    ];
    // "gone" declared one too but no longer reviews (not among the tier's reviewers).
    const dossier = { ...DOSSIER, conflictDeclaredBy: ["a", "d", "gone"] };
    expect(conflictIndex(reviewers, NOW).flagsFor(dossier, "NATIONAL")).toEqual(
      new Map([
        ["a", ["ESTABLISHMENT_FINESS", "DECLARED_ON_ESTABLISHMENT"]],
        ["d", ["DECLARED_ON_ESTABLISHMENT"]],
      ]),
    );
  });
  it("counts a tie from its first Paris day to the last day of the look-back window, whatever the hour", () => {
    // 00:30 in Paris on 7 December 2026 is still 6 December in UTC.
    const justAfterParisMidnight = new Date("2026-12-06T23:30:00Z");
    expect(detectConflicts([affiliation("FINESS", "690781810", "2026-12-07")], DOSSIER, "NATIONAL", justAfterParisMidnight)).toEqual([
      "ESTABLISHMENT_FINESS",
    ]);
    // Ended on 31 March 2024: it counts all day on 31 March 2027 in Paris, morning and noon alike.
    const endedThreeYearsAgo = affiliation("FINESS", "690781810", "2010-01-01", "2024-03-31");
    for (const at of ["2027-03-30T23:30:00Z", "2027-03-31T10:00:00Z"])
      expect(detectConflicts([endedThreeYearsAgo], DOSSIER, "NATIONAL", new Date(at)), at).toEqual(["ESTABLISHMENT_FINESS"]);
    expect(detectConflicts([endedThreeYearsAgo], DOSSIER, "NATIONAL", new Date("2027-03-31T22:30:00Z"))).toEqual([]);
  });

  it("reads a dossier's regional review from its live regional assignments only", () => {
    const application = (assignments: Array<{ tier: "REGIONAL" | "NATIONAL"; conflict: { hasConflict: boolean } | null }>) => ({
      establishment: { finessEj: "690781810", finessEt: "750712184", siret: null, regionCode: "84" },
      partners: [{ siret: "44306184100047" }, { siret: null }],
      assignments,
    });
    expect(conflictDossier(application([{ tier: "REGIONAL", conflict: null }]))).toEqual({
      ...DOSSIER,
      siret: null,
      reviewedRegionally: true,
      conflictDeclaredBy: [],
    });
    expect(conflictDossier(application([{ tier: "REGIONAL", conflict: { hasConflict: true } }])).reviewedRegionally).toBe(false);
    expect(conflictDossier(application([{ tier: "NATIONAL", conflict: null }])).reviewedRegionally).toBe(false);
  });
});

describe("pairs already assigned that a change of affiliations flags", () => {
  const pair = (fields: Partial<Parameters<typeof newlyFlaggedPairs>[0][number]> = {}) => ({
    tier: "NATIONAL" as const,
    state: "UNDER_REVIEW" as const,
    hasConflict: false,
    dossier: DOSSIER,
    ...fields,
  });
  const formerEmployer = affiliation("FINESS", "690781810", "2010-01-01", "2025-06-30");

  it("are those the new affiliations flag with the rule of the candidates, reviews transmitted included", () => {
    const pairs = [pair(), pair({ hasConflict: null }), pair({ dossier: { ...DOSSIER, finessEj: "130783236", finessEt: "130783236" } })];
    expect(newlyFlaggedPairs(pairs, [], [formerEmployer], NOW)).toEqual(pairs.slice(0, 2));
    // As the assignment page does: the same pair flagged there as a candidate.
    expect(detectConflicts([formerEmployer], DOSSIER, "NATIONAL", NOW)).toEqual(["ESTABLISHMENT_FINESS"]);
  });

  it("leave out a pair already flagged before, one a declared conflict ended, and one on a dossier out of review", () => {
    expect(newlyFlaggedPairs([pair()], [formerEmployer], [formerEmployer, affiliation("SIRET", "44306184100013")], NOW)).toEqual([]);
    expect(newlyFlaggedPairs([pair({ hasConflict: true }), pair({ state: "SCORED" })], [], [formerEmployer], NOW)).toEqual([]);
    // A tie ended over three years ago flags nothing.
    expect(newlyFlaggedPairs([pair()], [], [affiliation("FINESS", "690781810", "2000-01-01", "2020-01-01")], NOW)).toEqual([]);
  });
});
