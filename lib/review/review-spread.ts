import { scoreToTenth } from "@/lib/format/numbers";

/**
 * The spread of one tier's submitted totals, as the reviews table writes it: lowest, highest, mean
 * and the gap between lowest and highest.
 *
 * The totals are shown to the tenth, and the gap beside them is the difference of the totals as
 * shown (81,2 − 52,9 = 28,3), not the exact difference rounded (81,176 − 52,941 = 28,235, « 28,2 »),
 * which a reader subtracting the page's figures takes for an error. The two differ by a tenth at
 * most, and nothing is decided on this gap: « à discuter » reads the standard deviation of the
 * exact totals (lib/decisions/aggregation.ts). The mean stays that of the exact totals, the
 * programme's aggregate, as the decision pages give it.
 */
export function tierSpread(totals: readonly number[]) {
  const count = totals.length;
  if (count === 0) return { count, min: null, max: null, mean: null, range: null };
  const [min, max] = [Math.min(...totals), Math.max(...totals)];
  // In whole tenths, so that the subtraction adds no binary noise of its own.
  const range = (Math.round(scoreToTenth(max) * 10) - Math.round(scoreToTenth(min) * 10)) / 10;
  return { count, min, max, mean: totals.reduce((sum, total) => sum + total, 0) / count, range };
}
