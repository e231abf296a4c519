import { describe, expect, it } from "vitest";
import { withFinessKey } from "@/lib/identifiers/finess";
import { DEFAULT_CRITERIA, DEFAULT_OBJECTIVES } from "./programme-defaults";
import { PARIS_MISSING_TIME, PARIS_REPEATED_TIME } from "@/lib/time/paris";
import { ZCampaignInput, ZCreateWaveInput, ZDeadlineExtensionInput, ZUpdateWaveGridInput } from "./schemas";
import { checkWaveSettings } from "./wave-rules";

/** The forms' schemas put each rule's French message on the field the browser shows it under. */
const form = {
  kind: "GENERALISATION",
  title: "Vague 2027",
  year: "2027",
  opensAt: "2027-01-04T09:00",
  closesAt: "2027-03-31T23:59",
  fundingEnvelope: "25 000 000",
  eligibleCategoryCodes: ["500"],
  objectives: DEFAULT_OBJECTIVES.map((objective) => ({ ...objective })),
  criteria: DEFAULT_CRITERIA.map((criterion) => ({ ...criterion, weight: String(criterion.weight) })),
};

function issuesOf(result: { success: boolean; error?: { issues: Array<{ path: PropertyKey[]; message: string }> } }) {
  return Object.fromEntries((result.error?.issues ?? []).map((issue) => [issue.path.join("."), issue.message]));
}

describe("wave form schemas", () => {
  it("read numbers typed in text fields and upper-case the codes", () => {
    const parsed = ZCreateWaveInput.parse({ ...form, objectives: [{ ...form.objectives[0]!, code: " o1 " }, ...form.objectives.slice(1)] });
    expect(parsed.year).toBe(2027);
    expect(parsed.criteria[0]?.weight).toBe(30);
    expect(parsed.objectives[0]?.code).toBe("O1");
  });

  it("report the rules on the fields, with the schema's own checks", () => {
    const result = ZCreateWaveInput.safeParse({
      ...form,
      year: "deux mille",
      closesAt: "2027-01-04T08:00",
      eligibleCategoryCodes: [],
      criteria: form.criteria.map((criterion, index) => (index === 1 ? { ...criterion, weight: "0" } : criterion)),
    });
    expect(issuesOf(result)).toEqual({
      year: "Indiquez l'année de la vague, entre 2020 et 2100.",
      eligibleCategoryCodes: "Cochez au moins une catégorie d'établissements éligible.",
      closesAt: "La clôture doit être postérieure à l'ouverture.",
      "criteria.1.weight": "Le poids doit être supérieur à 0.",
    });
  });

  it("require the version the grid form was loaded at", () => {
    expect(ZUpdateWaveGridInput.safeParse({ objectives: form.objectives, criteria: form.criteria }).success).toBe(false);
    expect(ZUpdateWaveGridInput.parse({ objectives: form.objectives, criteria: form.criteria, expectedVersion: 3 }).expectedVersion).toBe(
      3,
    );
  });
});

describe("campaign form schema", () => {
  it("says an empty title or identifier is required, and a short or malformed one what is wrong, apart from the field's hint", () => {
    expect(issuesOf(ZCampaignInput.safeParse({ title: " ", slug: "", description: "" }))).toEqual({
      title: "Le titre est obligatoire.",
      slug: "L'identifiant est obligatoire.",
    });
    expect(issuesOf(ZCampaignInput.safeParse({ title: "HC", slug: "-hc 2027", description: "" }))).toEqual({
      title: "Le titre doit compter au moins 3 caractères.",
      slug: "Cet identifiant n'est pas valide : ni espace, ni accent, ni autre signe que le tiret, qui ne peut être ni au début, ni à la fin, ni doublé.",
    });
  });
});

describe("extension form schema", () => {
  const extension = { finessEt: "", newClosesAt: "2027-04-15T12:00", reason: "Incident informatique." };

  it("reads a FINESS typed with spaces", () => {
    const finess = withFinessKey("79012345");
    expect(ZDeadlineExtensionInput.parse({ ...extension, finessEt: `${finess.slice(0, 3)} ${finess.slice(3)}` }).finessEt).toBe(finess);
  });

  it("tells a wrong check key from a wrong format, and refuses the hour skipped in spring", () => {
    const finess = withFinessKey("79012345");
    const wrongKey = finess.slice(0, 8) + String((Number(finess[8]) + 1) % 10);
    expect(issuesOf(ZDeadlineExtensionInput.safeParse({ ...extension, finessEt: wrongKey })).finessEt).toContain("clé de contrôle");
    expect(issuesOf(ZDeadlineExtensionInput.safeParse({ ...extension, finessEt: "79-12" })).finessEt).toContain("9 caractères");
    expect(
      issuesOf(ZDeadlineExtensionInput.safeParse({ ...extension, finessEt: finess, newClosesAt: "2027-03-28T02:30" })).newClosesAt,
    ).toContain("n'existent pas à Paris");
  });

  it("answers the skipped and the repeated hour in the wave form's words (one rule, lib/time)", () => {
    const finess = withFinessKey("79012345");
    const closing = (newClosesAt: string) =>
      issuesOf(ZDeadlineExtensionInput.safeParse({ ...extension, finessEt: finess, newClosesAt })).newClosesAt;
    expect(closing("2027-03-28T02:15")).toBe(PARIS_MISSING_TIME);
    expect(closing("2027-10-31T02:30")).toBe(PARIS_REPEATED_TIME);
    expect(checkWaveSettings({ year: 2027, opensAt: "2027-03-28T02:15", closesAt: "2027-10-31T02:30", fundingEnvelope: "1000" })).toEqual([
      { path: ["opensAt"], message: PARIS_MISSING_TIME },
      { path: ["closesAt"], message: PARIS_REPEATED_TIME },
    ]);
  });
});
