import { describe, expect, it } from "vitest";
import { checkPlan } from "./assignment-check";
import { type PlanDossier, type PlanInput, type PlanReviewer, planAssignments } from "./assignment-plan";

const reviewer = (id: string, cap: number, extra: Partial<PlanReviewer> = {}): PlanReviewer => ({
  id,
  cap,
  load: 0,
  regionCodes: null,
  ...extra,
});
const dossier = (id: string, extra: Partial<PlanDossier> = {}): PlanDossier => ({
  id,
  regionCode: "11",
  assigned: [],
  excluded: [],
  flagged: [],
  ...extra,
});
const range = (count: number) => [...Array(count).keys()];

/** A deterministic pseudo-random generator, so a failing case can be replayed. */
function random(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

/** The most pairs any plan can add (Edmonds–Karp on the whole network), to check the plan reaches it. */
function maximumPairs(input: PlanInput): number {
  const R = input.reviewers.length;
  const D = input.dossiers.length;
  const n = 2 + D + R;
  const capacity = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  input.dossiers.forEach((d, i) => {
    capacity[0]![2 + i] = Math.max(0, input.k - d.assigned.length);
    input.reviewers.forEach((r, j) => {
      const ok = (!r.regionCodes || r.regionCodes.includes(d.regionCode)) && ![...d.assigned, ...d.excluded, ...d.flagged].includes(r.id);
      if (ok) capacity[2 + i]![2 + D + j] = 1;
    });
  });
  input.reviewers.forEach((r, j) => (capacity[2 + D + j]![1] = Math.max(0, r.cap - r.load)));
  let flow = 0;
  for (;;) {
    const parent = new Array<number>(n).fill(-1);
    parent[0] = 0;
    const queue = [0];
    while (queue.length > 0 && parent[1] === -1) {
      const u = queue.shift()!;
      for (let v = 0; v < n; v++) {
        if (parent[v] !== -1 || capacity[u]![v]! <= 0) continue;
        parent[v] = u;
        queue.push(v);
      }
    }
    if (parent[1] === -1) return flow;
    for (let v = 1; v !== 0; v = parent[v]!) {
      capacity[parent[v]!]![v]!--;
      capacity[v]![parent[v]!]!++;
    }
    flow++;
  }
}

/** Applies a plan: its pairs become the dossiers' existing reviewers and the reviewers' loads. */
function applied(input: PlanInput, plan: ReturnType<typeof planAssignments>): PlanInput {
  return {
    k: input.k,
    reviewers: input.reviewers.map((r) => ({ ...r, load: plan.loads[r.id]! })),
    dossiers: input.dossiers.map((d) => ({
      ...d,
      assigned: [...d.assigned, ...plan.assignments.filter((a) => a.dossierId === d.id).map((a) => a.reviewerId)],
    })),
  };
}

describe("automatic assignment", () => {
  it("gives every dossier k reviewers within the caps, with loads at most one apart", () => {
    const input: PlanInput = {
      k: 2,
      reviewers: range(7).map((i) => reviewer(`r${i}`, 10)),
      dossiers: range(20).map((i) => dossier(`d${i}`)),
    };
    const plan = planAssignments(input);
    expect(plan.assignments).toHaveLength(40);
    expect(plan.shortfalls).toEqual([]);
    const loads = Object.values(plan.loads);
    expect(Math.max(...loads) - Math.min(...loads)).toBeLessThanOrEqual(1);
    expect(checkPlan(input, plan)).toEqual([]);
  });

  it("never assigns a flagged, excluded or out-of-region pair, nor a reviewer twice to a dossier", () => {
    const input: PlanInput = {
      k: 2,
      reviewers: [
        reviewer("ars-idf", 5, { regionCodes: ["11"] }),
        reviewer("ars-na", 5, { regionCodes: ["75"] }),
        reviewer("ars-both", 5, { regionCodes: ["11", "75"] }),
      ],
      dossiers: [
        dossier("paris", { regionCode: "11", flagged: ["ars-idf"] }),
        dossier("niort", { regionCode: "75", excluded: ["ars-both"], assigned: ["ars-na"] }),
      ],
    };
    const plan = planAssignments(input);
    expect(plan.assignments).toEqual([{ dossierId: "paris", reviewerId: "ars-both" }]);
    expect(plan.shortfalls).toEqual([
      { dossierId: "paris", missing: 1, reason: "NOT_ENOUGH_ELIGIBLE", eligible: 1, outsideRegion: 1, flagged: 1, excluded: 0 },
      { dossierId: "niort", missing: 1, reason: "NOT_ENOUGH_ELIGIBLE", eligible: 1, outsideRegion: 1, flagged: 0, excluded: 1 },
    ]);
    expect(checkPlan(input, plan)).toEqual([]);
  });

  it("reports dossiers left short when the caps are too low, and why", () => {
    const input: PlanInput = {
      k: 2,
      reviewers: [reviewer("a", 2), reviewer("b", 1), reviewer("c", 0)],
      dossiers: range(3).map((i) => dossier(`d${i}`)),
    };
    const plan = planAssignments(input);
    expect(plan.assignments).toHaveLength(3);
    expect(plan.shortfalls.reduce((sum, shortfall) => sum + shortfall.missing, 0)).toBe(3);
    expect(plan.shortfalls.every((shortfall) => shortfall.reason === "CAPACITY" && shortfall.eligible === 3)).toBe(true);
    expect(checkPlan(input, plan)).toEqual([]);
  });

  it("finds the assignment a greedy choice misses, by moving an earlier choice (augmenting path)", () => {
    // d0 can go to b or a, d1 only to b (x has no room): the greedy pass gives d0 to b first.
    const input: PlanInput = {
      k: 1,
      reviewers: [reviewer("b", 1), reviewer("a", 1), reviewer("x", 0)],
      dossiers: [dossier("d0", { flagged: ["x"] }), dossier("d1", { flagged: ["a"] })],
    };
    const plan = planAssignments(input);
    expect(plan.shortfalls).toEqual([]);
    expect(plan.assignments).toEqual([
      { dossierId: "d0", reviewerId: "a" },
      { dossierId: "d1", reviewerId: "b" },
    ]);
  });

  it("re-running only fills gaps: nothing more once applied, and only the missing reviewer after a conflict", () => {
    const input: PlanInput = {
      k: 2,
      reviewers: range(4).map((i) => reviewer(`r${i}`, 5)),
      dossiers: range(6).map((i) => dossier(`d${i}`)),
    };
    const first = planAssignments(input);
    const again = applied(input, first);
    expect(planAssignments(again).assignments).toEqual([]);

    // r0 declares a conflict on d0: the assignment ends, r0 is excluded from d0 for good.
    const ended = again.dossiers[0]!.assigned.includes("r0") ? "d0" : again.dossiers.find((d) => d.assigned.includes("r0"))!.id;
    const afterConflict: PlanInput = {
      ...again,
      reviewers: again.reviewers.map((r) => (r.id === "r0" ? { ...r, load: r.load - 1 } : r)),
      dossiers: again.dossiers.map((d) =>
        d.id === ended ? { ...d, assigned: d.assigned.filter((id) => id !== "r0"), excluded: ["r0"] } : d,
      ),
    };
    const refill = planAssignments(afterConflict);
    expect(refill.assignments).toHaveLength(1);
    expect(refill.assignments[0]!.dossierId).toBe(ended);
    expect(refill.assignments[0]!.reviewerId).not.toBe("r0");
    expect(checkPlan(afterConflict, refill)).toEqual([]);
  });

  it("balances loads across reviewers with the same cap, counting what they already have", () => {
    const input: PlanInput = {
      k: 1,
      reviewers: [reviewer("busy", 10, { load: 4 }), reviewer("free1", 10), reviewer("free2", 10), reviewer("small", 2)],
      dossiers: range(9).map((i) => dossier(`d${i}`)),
    };
    const plan = planAssignments(input);
    expect(plan.loads).toEqual({ busy: 4, free1: 4, free2: 3, small: 2 });
    expect(checkPlan(input, plan)).toEqual([]);
  });

  it("balances where the greedy pass cannot (negative cycles cancelled)", () => {
    // y and z each take only half of the dossiers; the greedy pass, dossier by dossier, loads x with 3.
    const input: PlanInput = {
      k: 1,
      reviewers: [reviewer("x", 10), reviewer("y", 10), reviewer("z", 10)],
      dossiers: [
        ...range(3).map((i) => dossier(`a${i}`, { flagged: ["z"] })),
        ...range(3).map((i) => dossier(`b${i}`, { flagged: ["y"] })),
      ],
    };
    const plan = planAssignments(input);
    expect(plan.loads).toEqual({ x: 2, y: 2, z: 2 });
    expect(checkPlan(input, plan)).toEqual([]);
  });

  it("balances across regional constraints", () => {
    // The regional reviewers are interchangeable for "11" dossiers; "x" covers only "75".
    const input: PlanInput = {
      k: 1,
      reviewers: [
        reviewer("x", 10, { regionCodes: ["11", "75"] }),
        reviewer("y", 10, { regionCodes: ["11"] }),
        reviewer("z", 10, { regionCodes: ["11"] }),
      ],
      dossiers: [...range(6).map((i) => dossier(`paris${i}`)), ...range(3).map((i) => dossier(`niort${i}`, { regionCode: "75" }))],
    };
    const plan = planAssignments(input);
    expect(plan.loads).toEqual({ x: 3, y: 3, z: 3 });
    expect(checkPlan(input, plan)).toEqual([]);
  });

  it("holds every rule on random instances with caps, regions, flags and earlier assignments", () => {
    for (let seed = 1; seed <= 60; seed++) {
      const next = random(seed);
      const regions = ["11", "75", "84"];
      const reviewers = range(3 + Math.floor(next() * 12)).map((i) =>
        reviewer(`r${i}`, [2, 4, 6][Math.floor(next() * 3)]!, { regionCodes: next() < 0.3 ? [regions[Math.floor(next() * 3)]!] : null }),
      );
      const dossiers = range(1 + Math.floor(next() * 25)).map((i) =>
        dossier(`d${i}`, {
          regionCode: regions[Math.floor(next() * 3)]!,
          flagged: reviewers.filter(() => next() < 0.1).map((r) => r.id),
          excluded: reviewers.filter(() => next() < 0.05).map((r) => r.id),
        }),
      );
      const input: PlanInput = { k: 1 + Math.floor(next() * 3), reviewers, dossiers };
      const plan = planAssignments(input);
      expect(checkPlan(input, plan), `seed ${seed}`).toEqual([]);
      expect(planAssignments(applied(input, plan)).assignments, `seed ${seed}: a re-run adds nothing`).toEqual([]);
      expect(plan.assignments.length, `seed ${seed}: as many pairs as a maximum flow`).toBe(maximumPairs(input));
    }
  });

  it("is deterministic: the same input gives the same plan (the preview is what gets applied)", () => {
    const input: PlanInput = {
      k: 2,
      reviewers: range(5).map((i) => reviewer(`r${i}`, 4)),
      dossiers: range(9).map((i) => dossier(`d${i}`, { flagged: i % 3 === 0 ? ["r1"] : [] })),
    };
    expect(planAssignments(input)).toEqual(planAssignments(input));
  });
});
