import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { DossierReviews } from "@/lib/review/dossier-reviews";
import { tierSpread } from "@/lib/review/review-spread";
import type { SheetCriterion } from "@/lib/review/score-sheet";
import { ReviewsTable } from "./reviews-table";

/** The page's text, tags dropped and spaces (no-break ones too) made plain. */
const textOf = (html: string) =>
  html
    .replace(/<[^>]+>/g, " ")
    .replace(/[\s\u00a0\u202f]+/g, " ")
    .trim();

describe("the reviews side by side", () => {
  it("write each reviewer's weighted total and the spread to the tenth, as every score is (« 50,0 »)", () => {
    const criteria = [{ id: "c1", code: "C1", label: "Pertinence", scaleMax: 10 }] as unknown as SheetCriterion[];
    const review = (assignmentId: string, reviewer: string, total: number) =>
      ({
        assignmentId,
        reviewer,
        tier: "NATIONAL",
        status: "SUBMITTED",
        total,
        overallComment: "",
        scores: [],
      }) as unknown as DossierReviews["reviews"][number];
    const html = renderToStaticMarkup(
      createElement(ReviewsTable, {
        reviews: [review("a", "Karim Benali", 50), review("b", "Hélène Marchand", 81.25)],
        spread: [{ tier: "NATIONAL", ...tierSpread([50, 81.25]) }],
        criteria,
        tier: "NATIONAL",
      }),
    );
    const text = textOf(html);
    expect(text).toContain("Total pondéré (sur 100) 50,0 81,3");
    expect(text).toContain("Écart entre évaluations : de 50,0 à 81,3 (moyenne 65,6, écart de 31,3 points).");
  });
});
