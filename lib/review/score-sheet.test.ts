import { describe, expect, it } from "vitest";
import { C1, C2, GRID, score } from "@/test/factories/score-grid";
import { missingForReview, parseSheet, sheetFormValues, weightedTotal } from "./score-sheet";

describe("score sheet", () => {
  it("lists every criterion not scored and the overall comment, with anchors in the grid's order and the field each concerns", () => {
    expect(missingForReview(GRID, { overallComment: " ", scores: [] })).toEqual([
      {
        anchor: `critere-${C1.id}`,
        message: "C1 – Couverture : donnez une note.",
        field: `scores.${C1.id}.value`,
        fieldMessage: "Donnez une note.",
      },
      {
        anchor: `critere-${C2.id}`,
        message: "C2 – Fédération : donnez une note ou indiquez « Sans objet ».",
        field: `scores.${C2.id}.value`,
        fieldMessage: "Donnez une note ou indiquez « Sans objet ».",
      },
      {
        anchor: "appreciation-generale",
        message: "Rédigez l'appréciation générale.",
        field: "overallComment",
        fieldMessage: "Rédigez l'appréciation générale.",
      },
    ]);
  });

  it("is complete with a note for each required criterion and a note or « Sans objet » for optional ones", () => {
    expect(missingForReview(GRID, { overallComment: "Solide.", scores: [score(C1.id, 0), score(C2.id, null, true)] })).toEqual([]);
    expect(missingForReview(GRID, { overallComment: "Solide.", scores: [score(C1.id, null, true), score(C2.id, 3)] })).toHaveLength(1);
  });

  it("refuses a note off the scale, « Sans objet » on a required criterion or with a note, and a criterion of another grid", () => {
    const values = sheetFormValues(GRID, null);
    expect(
      parseSheet(GRID, { ...values, scores: { ...values.scores, [C1.id]: { value: "6", notApplicable: false, comment: "" } } }),
    ).toEqual({
      ok: false,
      fieldErrors: { [`scores.${C1.id}.value`]: ["La note doit être comprise entre 0 et 5."] },
    });
    expect(parseSheet(GRID, { ...values, scores: { [C1.id]: { value: "", notApplicable: true, comment: "" } } })).toMatchObject({
      ok: false,
      fieldErrors: { [`scores.${C1.id}.notApplicable`]: ["« Sans objet » n'est possible que pour un critère facultatif."] },
    });
    expect(parseSheet(GRID, { ...values, scores: { [C2.id]: { value: "2", notApplicable: true, comment: "" } } })).toMatchObject({
      ok: false,
    });
    expect(
      parseSheet(GRID, {
        ...values,
        scores: { "00000000-0000-4000-8000-000000000009": { value: "2", notApplicable: false, comment: "" } },
      }),
    ).toMatchObject({ ok: false });
    expect(
      parseSheet(GRID, { overallComment: " Bien ", scores: { [C1.id]: { value: "5", notApplicable: false, comment: " Net " } } }),
    ).toEqual({
      ok: true,
      overallComment: "Bien",
      scores: [{ criterionId: C1.id, value: 5, notApplicable: false, comment: "Net" }],
    });
  });

  it("round-trips stored scores into the form, every criterion present", () => {
    expect(sheetFormValues(GRID, { overallComment: "x", scores: [score(C2.id, null, true)] })).toEqual({
      overallComment: "x",
      scores: { [C1.id]: { value: "", notApplicable: false, comment: "" }, [C2.id]: { value: "", notApplicable: true, comment: "" } },
    });
  });

  it("weights notes rescaled to their scale, leaving « Sans objet » out of both sums", () => {
    expect(weightedTotal(GRID, [score(C1.id, 5), score(C2.id, 1)])).toBeCloseTo(75);
    expect(weightedTotal(GRID, [score(C1.id, 4), score(C2.id, null, true)])).toBeCloseTo(80);
    expect(weightedTotal(GRID, [])).toBeNull();
  });
});
