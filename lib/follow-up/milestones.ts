/**
 * The dossier's timeline, tracked after selection (ADR 0021): each milestone planned on a day, done
 * on the day its director records, late when its planned day has passed in Paris and it is not done.
 * Days are `YYYY-MM-DD` (Paris calendar days), so they compare as text.
 *
 * Public API: `MilestoneStatus`, `milestoneStatus`, `MILESTONE_STATUS_LABELS`, `daysUntil`, `doneOnError`.
 */
import { formatCalendarDate } from "@/lib/time/paris";

export type MilestoneStatus = "DONE" | "LATE" | "PLANNED";

export function milestoneStatus(milestone: { plannedOn: string; doneOn: string | null }, today: string): MilestoneStatus {
  if (milestone.doneOn !== null) return "DONE";
  return milestone.plannedOn < today ? "LATE" : "PLANNED";
}

export const MILESTONE_STATUS_LABELS: Readonly<Record<MilestoneStatus, string>> = {
  DONE: "Réalisé",
  LATE: "En retard",
  PLANNED: "À venir",
};

const DAY_MS = 86_400_000;

/** Whole calendar days from `today` to `day` (negative once passed); both `YYYY-MM-DD`. */
export function daysUntil(day: string, today: string): number {
  return Math.round((Date.parse(`${day}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / DAY_MS);
}

/**
 * Why a day cannot be a milestone's day of completion, or null: not after today, and not before the
 * wave opened (`opensOn`), since a milestone is a step of the project the call funds: « 01/01/2001 »
 * is a typing slip, not a date to keep.
 */
export function doneOnError(doneOn: string, today: string, opensOn: string): string | null {
  if (doneOn > today) return "Un jalon ne peut pas être réalisé dans le futur.";
  if (doneOn < opensOn) return `Un jalon ne peut pas être réalisé avant l'ouverture de la vague, le ${formatCalendarDate(opensOn)}.`;
  return null;
}
