/**
 * The rollout's counts, summed over establishments from their indicator snapshots
 * (`lib/roster/snapshot-breakdown.ts` says what each count is), and the shares read from them.
 *
 * Public API: `RolloutCounts`, `ROLLOUT_MEASURES`, `EMPTY_ROLLOUT`, `addRollout`, `shareOf`.
 */
import type { SnapshotCounts } from "@/lib/roster/snapshot-breakdown";

export type RolloutCounts = SnapshotCounts & { establishments: number };

export const EMPTY_ROLLOUT: RolloutCounts = { establishments: 0, active: 0, registered: 0, substantialId: 0, rieCompliant: 0, dmpReady: 0 };

/** The four figures of the programme, each a share of the active professionals. */
export const ROLLOUT_MEASURES = [
  { key: "registered", label: "Enregistrés au RPPS" },
  { key: "substantialId", label: "Identité vérifiée « substantiel »" },
  { key: "rieCompliant", label: "MIE conforme au RIE" },
  { key: "dmpReady", label: "Accès au DMP" },
] as const satisfies ReadonlyArray<{ key: keyof SnapshotCounts; label: string }>;

export function addRollout(total: RolloutCounts, more: RolloutCounts): RolloutCounts {
  return {
    establishments: total.establishments + more.establishments,
    active: total.active + more.active,
    registered: total.registered + more.registered,
    substantialId: total.substantialId + more.substantialId,
    rieCompliant: total.rieCompliant + more.rieCompliant,
    dmpReady: total.dmpReady + more.dmpReady,
  };
}

/** A share between 0 and 1, or null when there is nothing to divide by (never shown as 0 %). */
export function shareOf(count: number, of: number): number | null {
  return of === 0 ? null : count / of;
}
