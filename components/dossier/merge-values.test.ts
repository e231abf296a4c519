import { describe, expect, it } from "vitest";
import { mergeSection } from "./merge-values";

const base = {
  projectTitle: "Titre",
  projectSummary: "Résumé",
  assessments: { a: { status: "PLANNED", explanation: "" }, b: { status: null, explanation: "" } },
};

describe("merging two members' saves of one section", () => {
  it("keeps both changes when they touch different fields", () => {
    const mine = { ...base, projectSummary: "Mon résumé" };
    const theirs = { ...base, projectTitle: "Leur titre" };
    expect(mergeSection(base, mine, theirs)).toEqual({
      merged: { ...base, projectTitle: "Leur titre", projectSummary: "Mon résumé" },
      overlaps: [],
    });
  });

  it("merges nested objects field by field (self-assessment of different objectives)", () => {
    const mine = { ...base, assessments: { ...base.assessments, a: { status: "ACHIEVED", explanation: "Fait" } } };
    const theirs = { ...base, assessments: { ...base.assessments, b: { status: "PLANNED", explanation: "" } } };
    const { merged, overlaps } = mergeSection(base, mine, theirs);
    expect(overlaps).toEqual([]);
    expect(merged.assessments).toEqual({ a: { status: "ACHIEVED", explanation: "Fait" }, b: { status: "PLANNED", explanation: "" } });
  });

  it("reports the fields both changed differently, keeping theirs there", () => {
    const mine = { ...base, projectTitle: "Le mien" };
    const theirs = { ...base, projectTitle: "Le leur" };
    expect(mergeSection(base, mine, theirs)).toEqual({ merged: theirs, overlaps: ["projectTitle"] });
  });

  it("treats a list as one value", () => {
    const listBase = { partners: [{ name: "A" }] };
    const mine = { partners: [{ name: "A" }, { name: "B" }] };
    const theirs = { partners: [{ name: "A2" }] };
    expect(mergeSection(listBase, mine, theirs).overlaps).toEqual(["partners"]);
  });

  it("accepts the same change made by both", () => {
    const both = { ...base, projectTitle: "Identique" };
    expect(mergeSection(base, both, both)).toEqual({ merged: both, overlaps: [] });
  });
});

describe("choosing one's own version on the overlapping fields", () => {
  it("puts my values back at those paths only", async () => {
    const { withValuesAt } = await import("./merge-values");
    const merged = { projectTitle: "Le leur", projectSummary: "Mon résumé", assessments: { a: { status: "PLANNED" } } };
    const mine = { projectTitle: "Le mien", projectSummary: "Mon résumé", assessments: { a: { status: "ACHIEVED" } } };
    expect(withValuesAt(merged, mine, ["projectTitle", "assessments.a.status"])).toEqual(mine);
    expect(merged.projectTitle).toBe("Le leur");
  });
});
