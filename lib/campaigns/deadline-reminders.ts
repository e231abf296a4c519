import { TZDate } from "@date-fns/tz";
import { subDays } from "date-fns";
import { REMINDER_HOUR } from "@/lib/notifications/reminder-hour";
import { PARIS } from "@/lib/time/paris";
import { effectiveClosingTime, isPastClosing } from "./deadline";

export type ReminderKind = "7d" | "2d";

/** How many Paris calendar days before the (effective) deadline's day each reminder goes out. */
export const REMINDER_LEAD_DAYS: Readonly<Record<ReminderKind, number>> = { "7d": 7, "2d": 2 };

/** Most urgent first: when both moments have passed, only the later reminder still makes sense. */
const BY_URGENCY: readonly ReminderKind[] = ["2d", "7d"];

export type UnsubmittedDraft = {
  applicationId: string;
  startedAt: Date;
  wave: { closesAt: Date };
  extension?: { closesAt: Date } | null;
};

export type DueReminder = { applicationId: string; kind: ReminderKind; deadline: Date };

/**
 * When a reminder goes out: on the Paris calendar day `REMINDER_LEAD_DAYS` before the deadline's
 * day, at `REMINDER_HOUR` Paris time (the review reminders' hour), whatever the deadline's own time
 * of day (a closing at 23:59 no longer sends them at midnight). Calendar days, summer time or not:
 * 9:00 is 9:00 on a 23- or 25-hour day.
 */
export function reminderMoment(deadline: Date, kind: ReminderKind): Date {
  const day = subDays(new TZDate(deadline.getTime(), PARIS), REMINDER_LEAD_DAYS[kind]);
  return new Date(new TZDate(day.getFullYear(), day.getMonth(), day.getDate(), REMINDER_HOUR, 0, 0, 0, PARIS).getTime());
}

/**
 * The reminders due at `now` for drafts not yet submitted: the 7-day one from the morning of the
 * 7th day before the deadline that applies to the establishment, the 2-day one from the morning of
 * the 2nd (`reminderMoment`), none once the deadline has passed. A draft started after a
 * reminder's moment does not get it (its authors saw the deadline when they started); a reminder
 * missed while the server was down is sent late unless the next one is already due. Sending each
 * at most once per deadline is the outbox's dedupe key.
 */
export function dueReminders(drafts: readonly UnsubmittedDraft[], now: Date): DueReminder[] {
  const due: DueReminder[] = [];
  for (const draft of drafts) {
    const deadline = effectiveClosingTime(draft.wave, draft.extension);
    if (isPastClosing(now, deadline)) continue;
    for (const kind of BY_URGENCY) {
      const moment = reminderMoment(deadline, kind);
      if (now < moment) continue;
      if (draft.startedAt <= moment) due.push({ applicationId: draft.applicationId, kind, deadline });
      break;
    }
  }
  return due;
}

/**
 * One reminder per dossier, kind, deadline and recipient: the outbox ignores a second enqueue of
 * the same key, and a deadline moved (an extension granted, a wave's closing moved) is news again,
 * reminded of anew before the new date.
 */
export function reminderDedupeKey(kind: ReminderKind, applicationId: string, deadline: Date, recipientId: string): string {
  return `reminder-${kind}:${applicationId}:${deadline.toISOString()}:${recipientId}`;
}
