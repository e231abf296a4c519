import { z } from "zod";
import type { DecisionOutcome } from "@/lib/db/generated/enums";
import { parisToday } from "@/lib/time/paris";
import type { DecisionSummary } from "./load-decision-summaries";

/**
 * The decisions board's rows and the rules that filter and sort them (in the server, over the
 * wave's scored dossiers: the aggregates are computed by lib/decisions, not by SQL). The query
 * string is the table's state; anything unexpected falls back to the default.
 */
export const BOARD_SORTS = ["normalised", "raw", "spread", "requested", "establishment", "region"] as const;
export type BoardSort = (typeof BOARD_SORTS)[number];
export const DECISION_BOARD_PAGE_SIZE = 50;

const blankToUndefined = (value: string | undefined) => value || undefined;

export const ZDecisionBoardFilters = z.object({
  region: z.string().max(3).optional().transform(blankToUndefined).catch(undefined),
  category: z.string().max(4).optional().transform(blankToUndefined).catch(undefined),
  /** Only the dossiers whose reviews disagree beyond the wave's threshold. */
  flag: z.enum(["", "a-discuter"]).catch(""),
  decision: z.enum(["", "sans-proposition", "proposee", "publiee"]).catch(""),
  sort: z.enum(BOARD_SORTS).catch("normalised"),
  dir: z.enum(["asc", "desc"]).catch("desc"),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
});
export type TDecisionBoardFilters = z.infer<typeof ZDecisionBoardFilters>;

export type BoardRow = {
  id: string;
  /** « HC-00042 », which the dossier's letter quotes. */
  reference: string;
  establishment: string;
  finess: string;
  regionCode: string;
  region: string;
  categoryCode: string;
  category: string;
  requestedCents: string;
  raw: number | null;
  normalised: number | null;
  standardDeviation: number | null;
  range: number | null;
  toDiscuss: boolean;
  regionalReviews: number;
  nationalReviews: number;
  staged: { outcome: DecisionOutcome; amountGrantedCents: string | null } | null;
  /** `releasedOn`: the Paris day the establishment was told (`YYYY-MM-DD`). */
  released: { outcome: DecisionOutcome; amountGrantedCents: string | null; releasedOn: string } | null;
};

export function boardRow(
  dossier: Omit<
    BoardRow,
    "raw" | "normalised" | "standardDeviation" | "range" | "toDiscuss" | "regionalReviews" | "nationalReviews" | "staged" | "released"
  >,
  summary: DecisionSummary,
): BoardRow {
  const proposal = (decision: NonNullable<DecisionSummary["staged"]>) => ({
    outcome: decision.outcome,
    amountGrantedCents: decision.amountGrantedCents?.toString() ?? null,
  });
  const { staged, released } = summary;
  return {
    ...dossier,
    raw: summary.raw,
    normalised: summary.normalised,
    standardDeviation: summary.spread?.standardDeviation ?? null,
    range: summary.spread?.range ?? null,
    toDiscuss: summary.toDiscuss,
    regionalReviews: summary.reviewsPerTier.REGIONAL,
    nationalReviews: summary.reviewsPerTier.NATIONAL,
    staged: staged && proposal(staged),
    released: released && { ...proposal(released), releasedOn: parisToday(released.releasedAt!) },
  };
}

const VALUE: Record<BoardSort, (row: BoardRow) => number | string | null> = {
  normalised: (row) => row.normalised,
  raw: (row) => row.raw,
  spread: (row) => row.standardDeviation,
  requested: (row) => Number(row.requestedCents),
  establishment: (row) => row.establishment,
  region: (row) => row.region,
};

/** Filtered and sorted rows; a dossier without a figure sorts last either way, then by name. */
export function filterAndSort(rows: readonly BoardRow[], filters: TDecisionBoardFilters): BoardRow[] {
  const kept = rows.filter(
    (row) =>
      (!filters.region || row.regionCode === filters.region) &&
      (!filters.category || row.categoryCode === filters.category) &&
      (filters.flag !== "a-discuter" || row.toDiscuss) &&
      (filters.decision === "" ||
        (filters.decision === "sans-proposition" && !row.staged && !row.released) ||
        (filters.decision === "proposee" && row.staged !== null) ||
        (filters.decision === "publiee" && row.released !== null && !row.staged)),
  );
  const direction = filters.dir === "asc" ? 1 : -1;
  const value = VALUE[filters.sort];
  return kept.sort((a, b) => {
    const [left, right] = [value(a), value(b)];
    if (left === null || right === null)
      return left === right ? a.establishment.localeCompare(b.establishment, "fr") : left === null ? 1 : -1;
    const order = typeof left === "string" ? left.localeCompare(right as string, "fr") : left - (right as number);
    return order !== 0 ? direction * order : a.establishment.localeCompare(b.establishment, "fr");
  });
}

/**
 * Each dossier's rank by its ranking note (the normalised one, highest first), whatever order the
 * board shows: equal notes share a rank (1, 2, 2, 4); a dossier without a note has none.
 */
export function rankByNote(rows: readonly BoardRow[]): Map<string, number> {
  const noted = rows.filter((row) => row.normalised !== null).sort((a, b) => b.normalised! - a.normalised!);
  const ranks = new Map<string, number>();
  noted.forEach((row, index) => {
    const previous = noted[index - 1];
    ranks.set(row.id, previous && previous.normalised === row.normalised ? ranks.get(previous.id)! : index + 1);
  });
  return ranks;
}
