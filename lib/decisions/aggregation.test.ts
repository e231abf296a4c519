import { describe, expect, it } from "vitest";
import { C1, C2, GRID, score } from "@/test/factories/score-grid";
import {
  aggregateDossier,
  combineTiers,
  explainCriteria,
  isToDiscuss,
  normaliseByReviewer,
  spreadOf,
  type TieredReview,
} from "./aggregation";

// Every expected figure below was computed by hand (shown in the comments), not by the code under test.
const review = (reviewId: string, tier: TieredReview["tier"], c1: number, c2: number | "NA"): TieredReview => ({
  reviewId,
  reviewerId: `reviewer-${reviewId}`,
  tier,
  scores: [score(C1.id, c1), c2 === "NA" ? score(C2.id, null, true) : score(C2.id, c2)],
});

describe("a dossier's spread", () => {
  it("gives mean, median, population standard deviation and range", () => {
    // 75, 80, 55: mean 70; deviations 5, 10, −15 → (25 + 100 + 225) / 3 = 116.67 → σ = 10.801
    expect(spreadOf([75, 80, 55])).toEqual({
      count: 3,
      mean: 70,
      median: 75,
      standardDeviation: expect.closeTo(10.8012, 4),
      range: 25,
      min: 55,
      max: 80,
    });
    expect(spreadOf([60, 70])).toMatchObject({ median: 65, standardDeviation: 5, range: 10 });
    expect(spreadOf([])).toBeNull();
  });

  it("flags « à discuter » above the wave's threshold only, never with a single review or identical totals", () => {
    expect(isToDiscuss(spreadOf([75, 80, 55]), 10)).toBe(true);
    expect(isToDiscuss(spreadOf([75, 80, 55]), 11)).toBe(false);
    expect(isToDiscuss(spreadOf([60]), 0)).toBe(false);
    expect(isToDiscuss(spreadOf([70, 70]), 0)).toBe(false);
    expect(isToDiscuss(spreadOf([60, 70]), 5)).toBe(false);
  });
});

describe("normalisation per reviewer", () => {
  it("puts a lenient and a severe reviewer who rank the same way on the same footing", () => {
    // Wave: 90, 70, 50, 30 → mean 60, σ = √((900 + 100 + 100 + 900) / 4) = 22.3607.
    // Lenient (90, 70): mean 80, σ 10 → z = ±1; severe (50, 30): mean 40, σ 10 → z = ±1.
    const normalised = normaliseByReviewer([
      { reviewId: "L-A", reviewerId: "lenient", total: 90 },
      { reviewId: "L-B", reviewerId: "lenient", total: 70 },
      { reviewId: "S-A", reviewerId: "severe", total: 50 },
      { reviewId: "S-B", reviewerId: "severe", total: 30 },
    ]);
    expect(normalised.get("L-A")).toBeCloseTo(82.3607, 4);
    expect(normalised.get("S-A")).toBeCloseTo(82.3607, 4);
    expect(normalised.get("L-B")).toBeCloseTo(37.6393, 4);
    expect(normalised.get("S-B")).toBeCloseTo(37.6393, 4);
  });

  it("gives the wave's mean to a reviewer whose totals do not vary (identical scores, or a single review)", () => {
    // Wave: 70, 70, 40, 80 → mean 65, σ = √((25 + 25 + 625 + 225) / 4) = 15. Q: mean 60, σ 20 → z = −1, +1.
    const normalised = normaliseByReviewer([
      { reviewId: "R1", reviewerId: "R", total: 70 },
      { reviewId: "R2", reviewerId: "R", total: 70 },
      { reviewId: "Q1", reviewerId: "Q", total: 40 },
      { reviewId: "Q2", reviewerId: "Q", total: 80 },
    ]);
    expect([normalised.get("R1"), normalised.get("R2"), normalised.get("Q1"), normalised.get("Q2")]).toEqual([65, 65, 50, 80]);
    expect(normaliseByReviewer([{ reviewId: "only", reviewerId: "X", total: 42 }]).get("only")).toBe(42);
    expect(normaliseByReviewer([]).size).toBe(0);
  });
});

describe("the ranking across tiers", () => {
  it("ranks on the national tier, or on the weighted mix, falling back on the tier that has reviews", () => {
    expect(combineTiers({ REGIONAL: 60, NATIONAL: 80 }, { mode: "NATIONAL_ONLY" })).toBe(80);
    // 0.25 × 60 + 0.75 × 80 = 75
    expect(combineTiers({ REGIONAL: 60, NATIONAL: 80 }, { mode: "WEIGHTED_MIX", regionalWeight: 25 })).toBe(75);
    expect(combineTiers({ REGIONAL: null, NATIONAL: 80 }, { mode: "WEIGHTED_MIX", regionalWeight: 25 })).toBe(80);
    expect(combineTiers({ REGIONAL: 60, NATIONAL: null }, { mode: "WEIGHTED_MIX", regionalWeight: 25 })).toBe(60);
    expect(combineTiers({ REGIONAL: 60 }, { mode: "NATIONAL_ONLY" })).toBeNull();
  });

  it("aggregates a dossier's reviews: « Sans objet » out of both sums, spread over the counted tiers", () => {
    // Totals: (30 × 5/5 + 10 × 0/3) / 40 = 75; 30 × 4/5 / 30 = 80 (C2 « sans objet »); (30 × 2/5 + 10 × 3/3) / 40 = 55.
    const reviews = [review("reg", "REGIONAL", 5, 1), review("nat1", "NATIONAL", 4, "NA"), review("nat2", "NATIONAL", 2, 4)];
    const normalised = new Map([
      ["reg", 70],
      ["nat1", 60],
      ["nat2", 50],
    ]);
    // Mix 50 %: 0.5 × 75 + 0.5 × (80 + 55) / 2 = 71.25; normalised 0.5 × 70 + 0.5 × 55 = 62.5.
    const mixed = aggregateDossier(GRID, reviews, normalised, {
      ranking: { mode: "WEIGHTED_MIX", regionalWeight: 50 },
      spreadThreshold: 10,
    });
    expect(mixed).toMatchObject({ raw: 71.25, normalised: 62.5, toDiscuss: true, reviewsPerTier: { REGIONAL: 1, NATIONAL: 2 } });
    expect(mixed.spread).toMatchObject({ count: 3, mean: 70, range: 25 });
    // National only: (80 + 55) / 2 = 67.5; σ of 80 and 55 = 12.5.
    const national = aggregateDossier(GRID, reviews, normalised, { ranking: { mode: "NATIONAL_ONLY" }, spreadThreshold: 12.5 });
    expect(national).toMatchObject({
      raw: 67.5,
      normalised: 55,
      toDiscuss: false,
      spread: { count: 2, standardDeviation: 12.5, range: 25 },
    });
  });

  it("aggregates a single review as itself, with no spread to discuss", () => {
    const single = aggregateDossier(GRID, [review("only", "NATIONAL", 4, "NA")], new Map([["only", 66]]), {
      ranking: { mode: "NATIONAL_ONLY" },
      spreadThreshold: 0,
    });
    expect(single).toMatchObject({ raw: 80, normalised: 66, toDiscuss: false, spread: { count: 1, standardDeviation: 0, range: 0 } });
  });
});

describe("the score sheet explained", () => {
  it("gives each criterion's mean note and the points it brings, which add up to the aggregate", () => {
    // R1: C1 5/5, C2 4 → total (30 + 10) / 40 = 100: C1 brings 75 points, C2 25.
    // R2: C1 4/5, C2 « sans objet » → total 80: C1 brings 80, C2 nothing.
    const explained = explainCriteria(GRID, [review("R1", "NATIONAL", 5, 4), review("R2", "NATIONAL", 4, "NA")], { mode: "NATIONAL_ONLY" });
    expect(explained.map(({ code, meanScore, points, notApplicableCount }) => ({ code, meanScore, points, notApplicableCount }))).toEqual([
      { code: "C1", meanScore: 4.5, points: 77.5, notApplicableCount: 0 },
      { code: "C2", meanScore: 4, points: 12.5, notApplicableCount: 1 },
    ]);
    // 77.5 + 12.5 = 90 = (100 + 80) / 2
  });
});
