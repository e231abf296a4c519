import type { AssignmentPlan, PlanInput } from "./assignment-plan";

/**
 * Checks a plan against its input, independently of how it was made: the unit tests and the bench
 * run it on every result. Returns the broken rules in plain words, empty when all hold:
 * - only eligible pairs (region, no flag, no exclusion, not already assigned), each at most once;
 * - no reviewer above their cap, no dossier above k;
 * - every shortfall reported, and only real ones;
 * - balance: among reviewers with the same cap, the loads differ by at most 1 unless the busier
 *   one holds no planned dossier the other could take (their difference is then eligibility's).
 */
export function checkPlan(input: PlanInput, plan: AssignmentPlan): string[] {
  const problems: string[] = [];
  const reviewers = new Map(input.reviewers.map((reviewer) => [reviewer.id, reviewer]));
  const dossiers = new Map(input.dossiers.map((dossier) => [dossier.id, dossier]));
  const loads = new Map(input.reviewers.map((reviewer) => [reviewer.id, reviewer.load]));
  const perDossier = new Map(input.dossiers.map((dossier) => [dossier.id, new Set(dossier.assigned)]));
  const plannedOf = new Map<string, string[]>();

  for (const { dossierId, reviewerId } of plan.assignments) {
    const dossier = dossiers.get(dossierId);
    const reviewer = reviewers.get(reviewerId);
    if (!dossier || !reviewer) {
      problems.push(`unknown pair ${dossierId} / ${reviewerId}`);
      continue;
    }
    if (reviewer.regionCodes && !reviewer.regionCodes.includes(dossier.regionCode))
      problems.push(`${reviewerId} is outside the region of ${dossierId}`);
    if (dossier.flagged.includes(reviewerId)) problems.push(`flagged pair ${dossierId} / ${reviewerId} assigned`);
    if (dossier.excluded.includes(reviewerId)) problems.push(`excluded pair ${dossierId} / ${reviewerId} assigned`);
    const set = perDossier.get(dossierId)!;
    if (set.has(reviewerId)) problems.push(`${reviewerId} twice on ${dossierId}`);
    set.add(reviewerId);
    loads.set(reviewerId, loads.get(reviewerId)! + 1);
    plannedOf.set(reviewerId, [...(plannedOf.get(reviewerId) ?? []), dossierId]);
  }
  for (const reviewer of input.reviewers) {
    const load = loads.get(reviewer.id)!;
    if (load > Math.max(reviewer.cap, reviewer.load)) problems.push(`${reviewer.id} has ${load} dossiers for a cap of ${reviewer.cap}`);
    if (plan.loads[reviewer.id] !== load) problems.push(`${reviewer.id}: load reported ${plan.loads[reviewer.id]}, actual ${load}`);
  }
  const shortOf = new Map(plan.shortfalls.map((shortfall) => [shortfall.dossierId, shortfall.missing]));
  for (const dossier of input.dossiers) {
    const count = perDossier.get(dossier.id)!.size;
    const expectedMissing = Math.max(0, input.k - count);
    if (count > Math.max(input.k, dossier.assigned.length)) problems.push(`${dossier.id} has ${count} reviewers for k = ${input.k}`);
    if ((shortOf.get(dossier.id) ?? 0) !== expectedMissing)
      problems.push(`${dossier.id}: ${expectedMissing} missing, ${shortOf.get(dossier.id) ?? 0} reported`);
  }

  const eligible = (dossierId: string, reviewerId: string) => {
    const dossier = dossiers.get(dossierId)!;
    const reviewer = reviewers.get(reviewerId)!;
    return (
      (!reviewer.regionCodes || reviewer.regionCodes.includes(dossier.regionCode)) &&
      !dossier.flagged.includes(reviewerId) &&
      !dossier.excluded.includes(reviewerId) &&
      !perDossier.get(dossierId)!.has(reviewerId)
    );
  };
  for (const busy of input.reviewers) {
    for (const idle of input.reviewers) {
      if (busy.cap !== idle.cap || loads.get(busy.id)! - loads.get(idle.id)! <= 1) continue;
      const movable = (plannedOf.get(busy.id) ?? []).find((dossierId) => eligible(dossierId, idle.id));
      if (movable)
        problems.push(`unbalanced: ${busy.id} (${loads.get(busy.id)}) could hand ${movable} to ${idle.id} (${loads.get(idle.id)})`);
    }
  }
  return problems;
}
