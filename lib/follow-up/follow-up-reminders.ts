import { daysUntil } from "./milestones";

/** How many days ahead the director is reminded of a milestone and of the declaration deadline. */
export const FOLLOW_UP_REMINDER_DAYS = 7;

export type MilestoneToRemind = { milestoneId: string; applicationId: string; plannedOn: string; doneOn: string | null };
export type DeclarationToRemind = { applicationId: string; dueOn: string; declared: boolean };

export type FollowUpReminder =
  | { kind: "milestone"; applicationId: string; milestoneId: string; day: string; daysLeft: number }
  | { kind: "declaration"; applicationId: string; day: string; daysLeft: number };

const within = (day: string, today: string) => {
  const left = daysUntil(day, today);
  return left >= 0 && left <= FOLLOW_UP_REMINDER_DAYS ? left : null;
};

/**
 * The reminders due on Paris day `today`: a milestone not done whose planned day comes within
 * FOLLOW_UP_REMINDER_DAYS (today included), and the declaration deadline while the results are not
 * declared. One reminder per milestone and day planned (the dedupe key names the day, so moving
 * a milestone reminds again); a job down for a few days still sends it before the day.
 */
export function dueFollowUpReminders(
  milestones: readonly MilestoneToRemind[],
  declarations: readonly DeclarationToRemind[],
  today: string,
): FollowUpReminder[] {
  const reminders: FollowUpReminder[] = [];
  for (const milestone of milestones) {
    const left = milestone.doneOn === null ? within(milestone.plannedOn, today) : null;
    if (left !== null)
      reminders.push({
        kind: "milestone",
        applicationId: milestone.applicationId,
        milestoneId: milestone.milestoneId,
        day: milestone.plannedOn,
        daysLeft: left,
      });
  }
  for (const declaration of declarations) {
    const left = declaration.declared ? null : within(declaration.dueOn, today);
    if (left !== null)
      reminders.push({ kind: "declaration", applicationId: declaration.applicationId, day: declaration.dueOn, daysLeft: left });
  }
  return reminders;
}

/** What makes a reminder news: the milestone (or dossier), the day it is due, the person reminded. */
export function followUpReminderKey(reminder: FollowUpReminder, userId: string): string {
  return reminder.kind === "milestone"
    ? `milestone-reminder:${reminder.milestoneId}:${reminder.day}:${userId}`
    : `declaration-reminder:${reminder.applicationId}:${reminder.day}:${userId}`;
}
