/**
 * The funnel of dossiers: how many reached each stage of their life, from the states they are in
 * now. A stage counts the dossiers whose state is that stage or a later one on the way to a
 * decision; a withdrawn dossier left the funnel (its state does not tell how far it had gone), so it
 * counts as started only.
 *
 * Public API: `FUNNEL_STAGES`, `FunnelStage`, `funnelOf`, `StateCounts`.
 */
import type { ApplicationState } from "@/lib/db/generated/enums";

export type StateCounts = Partial<Record<ApplicationState, number>>;

export type FunnelStage = { key: string; label: string; states: readonly ApplicationState[] };

const DECIDED: readonly ApplicationState[] = ["SELECTED", "REJECTED"];
const SCORED: readonly ApplicationState[] = ["SCORED", ...DECIDED];
const IN_REVIEW: readonly ApplicationState[] = ["UNDER_REVIEW", "INFORMATION_REQUESTED", ...SCORED];
const SUBMITTED: readonly ApplicationState[] = ["SUBMITTED", ...IN_REVIEW];

export const FUNNEL_STAGES: readonly FunnelStage[] = [
  { key: "started", label: "Commencés", states: ["DRAFT", "WITHDRAWN", ...SUBMITTED] },
  { key: "submitted", label: "Déposés", states: SUBMITTED },
  { key: "reviewed", label: "En instruction ou instruits", states: IN_REVIEW },
  { key: "scored", label: "Évalués", states: SCORED },
  { key: "decided", label: "Décidés", states: DECIDED },
  { key: "selected", label: "Retenus", states: ["SELECTED"] },
];

export function funnelOf(counts: StateCounts): Array<FunnelStage & { count: number }> {
  return FUNNEL_STAGES.map((stage) => ({ ...stage, count: stage.states.reduce((total, state) => total + (counts[state] ?? 0), 0) }));
}
