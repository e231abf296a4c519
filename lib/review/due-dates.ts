import { TZDate } from "@date-fns/tz";
import { subDays } from "date-fns";
import type { ReviewTier } from "@/lib/db/generated/enums";
import { REMINDER_HOUR } from "@/lib/notifications/reminder-hour";
import { PARIS } from "@/lib/time/paris";
import { isWorkingDay, parisDay } from "@/lib/time/working-days";

/**
 * Due dates of reviews and their reminders, as plain functions. Each tier has its due date on the
 * wave; an assignment may carry its own, which replaces it. Reminders: one 3 days before the due
 * date (Paris calendar days, same time of day), then one each working day once it has passed,
 * from 9 a.m. Paris time. Sending each at most once is the outbox's dedupe key.
 */
export const DUE_SOON_DAYS = 3;

export type TierDueDates = { regionalReviewDueAt: Date | null; nationalReviewDueAt: Date | null };

export function effectiveDueAt(assignment: { tier: ReviewTier; dueAt: Date | null }, wave: TierDueDates): Date | null {
  return assignment.dueAt ?? (assignment.tier === "REGIONAL" ? wave.regionalReviewDueAt : wave.nationalReviewDueAt);
}

export function isOverdue(dueAt: Date | null, submitted: boolean, now: Date): boolean {
  return dueAt !== null && !submitted && now >= dueAt;
}

export type ReviewReminderKind = "due-soon" | "overdue";

export type PendingReview = { assignmentId: string; assignedAt: Date; dueAt: Date };

export type DueReviewReminder = { assignmentId: string; kind: ReviewReminderKind; dueAt: Date; dedupeKey: string };

/**
 * The reminders due at `now` for reviews not yet submitted. An assignment made after the « 3 days
 * before » moment gets no such reminder (the reviewer saw the date when it came); a due date moved
 * by a manager gets its own reminder (the key names the date).
 */
export function dueReviewReminders(reviews: readonly PendingReview[], now: Date): DueReviewReminder[] {
  const reminders: DueReviewReminder[] = [];
  const today = parisDay(now);
  const hour = new TZDate(now.getTime(), PARIS).getHours();
  for (const review of reviews) {
    if (now >= review.dueAt) {
      if (isWorkingDay(today) && hour >= REMINDER_HOUR) {
        reminders.push({
          assignmentId: review.assignmentId,
          kind: "overdue",
          dueAt: review.dueAt,
          dedupeKey: `review-overdue:${review.assignmentId}:${today}`,
        });
      }
      continue;
    }
    const moment = new Date(subDays(new TZDate(review.dueAt.getTime(), PARIS), DUE_SOON_DAYS).getTime());
    if (now >= moment && review.assignedAt <= moment) {
      reminders.push({
        assignmentId: review.assignmentId,
        kind: "due-soon",
        dueAt: review.dueAt,
        dedupeKey: `review-due-soon:${review.assignmentId}:${review.dueAt.toISOString()}`,
      });
    }
  }
  return reminders;
}
