/**
 * The funnel of dossiers: how many reached each stage of their life, from the states they are in
 * now. A stage counts the dossiers whose state is that stage or a later one on the way to a
 * decision; a withdrawn dossier left the funnel (its state does not tell how far it had gone), so it
 * counts as started only. « Décidés » are the dossiers whose decision is released, whatever its
 * outcome (`RELEASED_DECISION_WHERE`): a waitlisted one stays « évalué », its letter sent.
 *
 * Public API: `FUNNEL_STAGES`, `FunnelStage`, `FunnelDossiers`, `funnelOf`, `StateCounts`.
 */
import type { ApplicationState } from "@/lib/db/generated/enums";

export type StateCounts = Partial<Record<ApplicationState, number>>;

/** Dossiers alike for the funnel: their state, and whether a decision on them is released. */
export type FunnelDossiers = { state: ApplicationState; decided: boolean; count: number };

export type FunnelStage = { key: string; label: string; includes: (dossier: Omit<FunnelDossiers, "count">) => boolean };

const inStates =
  (states: readonly ApplicationState[]) =>
  ({ state }: { state: ApplicationState }) =>
    states.includes(state);

const SCORED: readonly ApplicationState[] = ["SCORED", "SELECTED", "REJECTED"];
const IN_REVIEW: readonly ApplicationState[] = ["UNDER_REVIEW", "INFORMATION_REQUESTED", ...SCORED];
const SUBMITTED: readonly ApplicationState[] = ["SUBMITTED", ...IN_REVIEW];

export const FUNNEL_STAGES: readonly FunnelStage[] = [
  { key: "started", label: "Commencés", includes: () => true },
  { key: "submitted", label: "Déposés", includes: inStates(SUBMITTED) },
  { key: "reviewed", label: "En instruction ou instruits", includes: inStates(IN_REVIEW) },
  { key: "scored", label: "Évalués", includes: inStates(SCORED) },
  { key: "decided", label: "Décidés", includes: ({ decided }) => decided },
  { key: "selected", label: "Retenus", includes: inStates(["SELECTED"]) },
];

export function funnelOf(dossiers: readonly FunnelDossiers[]): Array<{ key: string; label: string; count: number }> {
  return FUNNEL_STAGES.map((stage) => ({
    key: stage.key,
    label: stage.label,
    count: dossiers.reduce((total, row) => total + (stage.includes(row) ? row.count : 0), 0),
  }));
}
