/**
 * Automatic assignment of reviewers to dossiers, for one wave and one tier: a minimum-cost flow
 * (ADR 0007). Plain data in, a plan out; no database.
 *
 * The flow network: source → dossier (capacity: the reviewers it still needs, k minus those it
 * has), dossier → reviewer (capacity 1, only for eligible pairs: right region for the regional
 * tier, no conflict flag, not already on the dossier, no declared conflict), reviewer → sink
 * (capacity: the reviewer's cap minus their load, at a convex cost: the n-th dossier of a reviewer
 * costs 2n − 1, so the total cost is Σ load²). A maximum flow of minimum cost gives every dossier
 * as many reviewers as the caps allow, and spreads loads as evenly as eligibility permits: no
 * reviewer has two dossiers more than another who could take one of them.
 *
 * Solved in three steps that exploit the network's shape (every dossier → reviewer arc costs 0):
 * 1. greedy: each dossier, most constrained first, takes its least-loaded eligible reviewers;
 * 2. augmenting paths (breadth-first over reviewers) for the dossiers still short, moving earlier
 *    choices along alternating paths until a reviewer with room is reached; a reviewer from whom
 *    no path reaches room is marked saturated for good (the maximum-flow argument);
 * 3. negative-cycle cancelling: while a reviewer loaded ℓ can hand a dossier, through a chain of
 *    swaps, to a reviewer with room loaded ℓ − 2 or less, do it (each swap lowers Σ load²).
 * Existing assignments are never moved: a re-run only fills gaps.
 */
export type PlanReviewer = {
  id: string;
  /** Dossiers the reviewer already has in this wave and tier. */
  load: number;
  /** Most dossiers the reviewer may have in this wave and tier. */
  cap: number;
  /** Regions an ARS reviewer covers; null for the national tier (any region). */
  regionCodes: readonly string[] | null;
};

export type PlanDossier = {
  id: string;
  regionCode: string;
  /** Reviewers the dossier already has in this tier (they count towards k). */
  assigned: readonly string[];
  /** Reviewers who may never be assigned: declared a conflict, or reviewing it in another tier. */
  excluded: readonly string[];
  /** Reviewers whose pair with the dossier conflict detection flagged. */
  flagged: readonly string[];
};

export type PlanInput = { k: number; reviewers: readonly PlanReviewer[]; dossiers: readonly PlanDossier[] };

export type Shortfall = {
  dossierId: string;
  /** Reviewers still missing after the plan. */
  missing: number;
  reason: "NOT_ENOUGH_ELIGIBLE" | "CAPACITY";
  /** Reviewers who could review it (eligible, including those it already has). */
  eligible: number;
  outsideRegion: number;
  flagged: number;
  excluded: number;
};

export type AssignmentPlan = {
  assignments: Array<{ dossierId: string; reviewerId: string }>;
  shortfalls: Shortfall[];
  /** Load of each reviewer once the plan is applied. */
  loads: Record<string, number>;
};

export function planAssignments(input: PlanInput): AssignmentPlan {
  const R = input.reviewers.length;
  const D = input.dossiers.length;
  const reviewerIndex = new Map(input.reviewers.map((reviewer, index) => [reviewer.id, index]));
  const load = Int32Array.from(input.reviewers, (reviewer) => reviewer.load);
  const cap = Int32Array.from(input.reviewers, (reviewer) => reviewer.cap);
  const regions = input.reviewers.map((reviewer) => (reviewer.regionCodes ? new Set(reviewer.regionCodes) : null));

  // State of each pair, one byte each: 0 ineligible, 1 eligible and free, 2 assigned before, 3 planned.
  const FREE = 1;
  const EXISTING = 2;
  const PLANNED = 3;
  const pair = new Uint8Array(D * R);
  const need = new Int32Array(D);
  const counts = input.dossiers.map(() => ({ eligible: 0, outsideRegion: 0, flagged: 0, excluded: 0 }));
  input.dossiers.forEach((dossier, d) => {
    const base = d * R;
    const mark = (ids: readonly string[], value: number) => {
      for (const id of ids) {
        const r = reviewerIndex.get(id);
        if (r !== undefined) pair[base + r] = value;
      }
    };
    for (let r = 0; r < R; r++) {
      if (regions[r] && !regions[r]!.has(dossier.regionCode)) counts[d]!.outsideRegion++;
      else pair[base + r] = FREE;
    }
    for (const id of dossier.flagged) if (pair[base + (reviewerIndex.get(id) ?? -1)] === FREE) counts[d]!.flagged++;
    mark(dossier.flagged, 0);
    for (const id of dossier.excluded) if (reviewerIndex.has(id)) counts[d]!.excluded++;
    mark(dossier.excluded, 0);
    mark(dossier.assigned, EXISTING);
    for (let r = 0; r < R; r++) if (pair[base + r] !== 0) counts[d]!.eligible++;
    need[d] = Math.max(0, input.k - dossier.assigned.length);
  });

  /** Dossiers planned for each reviewer (the only ones the plan may move). */
  const planned: Array<Set<number>> = Array.from({ length: R }, () => new Set<number>());
  const give = (d: number, r: number) => {
    pair[d * R + r] = PLANNED;
    planned[r]!.add(d);
    load[r]!++;
  };
  const take = (d: number, r: number) => {
    pair[d * R + r] = FREE;
    planned[r]!.delete(d);
    load[r]!--;
  };

  // 1. Greedy, most constrained dossiers first (fewest free reviewers), then in input order.
  const order = [...Array(D).keys()].sort((a, b) => counts[a]!.eligible - counts[b]!.eligible || a - b);
  for (const d of order) {
    while (need[d]! > 0) {
      let best = -1;
      for (let r = 0; r < R; r++) {
        if (pair[d * R + r] === FREE && load[r]! < cap[r]! && (best < 0 || load[r]! < load[best]!)) best = r;
      }
      if (best < 0) break;
      give(d, best);
      need[d]!--;
    }
  }

  // 2. Augmenting paths for the dossiers still short.
  const saturated = new Uint8Array(R);
  const parentReviewer = new Int32Array(R);
  const parentDossier = new Int32Array(R);
  const seen = new Int32Array(R).fill(-1);
  let stamp = 0;
  for (const d of order) {
    while (need[d]! > 0) {
      stamp++;
      const queue: number[] = [];
      for (let r = 0; r < R; r++) {
        if (pair[d * R + r] === FREE && !saturated[r]) {
          seen[r] = stamp;
          parentReviewer[r] = -1;
          queue.push(r);
        }
      }
      let end = -1;
      for (let head = 0; head < queue.length && end < 0; head++) {
        const u = queue[head]!;
        if (load[u]! < cap[u]!) {
          end = u;
          break;
        }
        for (const e of planned[u]!) {
          for (let v = 0; v < R; v++) {
            if (seen[v] === stamp || saturated[v] || pair[e * R + v] !== FREE) continue;
            seen[v] = stamp;
            parentReviewer[v] = u;
            parentDossier[v] = e;
            queue.push(v);
          }
        }
      }
      if (end < 0) {
        for (const r of queue) saturated[r] = 1;
        break;
      }
      // Walk back: each reviewer on the path takes its parent's dossier; the first takes d.
      for (let v = end; ;) {
        const u = parentReviewer[v]!;
        if (u < 0) {
          give(d, v);
          break;
        }
        const e = parentDossier[v]!;
        take(e, u);
        give(e, v);
        v = u;
      }
      need[d]!--;
    }
  }

  // 3. Balance: hand a dossier down a chain of swaps from a reviewer loaded ℓ + 2 or more to one
  //    loaded ℓ with room, lowest ℓ first, until no such chain exists.
  const next = new Int32Array(R);
  const nextDossier = new Int32Array(R);
  for (;;) {
    const levels = [...new Set([...Array(R).keys()].filter((r) => load[r]! < cap[r]!).map((r) => load[r]!))].sort((a, b) => a - b);
    let moved = false;
    for (const level of levels) {
      if (![...Array(R).keys()].some((r) => load[r]! >= level + 2 && planned[r]!.size > 0)) break;
      stamp++;
      const queue: number[] = [];
      for (let r = 0; r < R; r++) {
        if (load[r]! <= level && load[r]! < cap[r]!) {
          seen[r] = stamp;
          next[r] = -1;
          queue.push(r);
        }
      }
      let source = -1;
      for (let head = 0; head < queue.length && source < 0; head++) {
        const v = queue[head]!;
        for (let u = 0; u < R && source < 0; u++) {
          if (seen[u] === stamp) continue;
          for (const e of planned[u]!) {
            if (pair[e * R + v] !== FREE) continue;
            seen[u] = stamp;
            next[u] = v;
            nextDossier[u] = e;
            queue.push(u);
            if (load[u]! >= level + 2) source = u;
            break;
          }
        }
      }
      if (source < 0) continue;
      for (let u = source; next[u]! >= 0; u = next[u]!) {
        take(nextDossier[u]!, u);
        give(nextDossier[u]!, next[u]!);
      }
      moved = true;
      break;
    }
    if (!moved) break;
  }

  const assignments: AssignmentPlan["assignments"] = [];
  const shortfalls: Shortfall[] = [];
  input.dossiers.forEach((dossier, d) => {
    for (let r = 0; r < R; r++)
      if (pair[d * R + r] === PLANNED) assignments.push({ dossierId: dossier.id, reviewerId: input.reviewers[r]!.id });
    if (need[d]! > 0) {
      const count = counts[d]!;
      shortfalls.push({
        dossierId: dossier.id,
        missing: need[d]!,
        reason: count.eligible < input.k ? "NOT_ENOUGH_ELIGIBLE" : "CAPACITY",
        ...count,
      });
    }
  });
  return { assignments, shortfalls, loads: Object.fromEntries(input.reviewers.map((reviewer, r) => [reviewer.id, load[r]!])) };
}
