/**
 * The Paris hour from which reminders go out, so that they are read in the working morning, never at
 * night: the review reminders once overdue, and the deadline reminders on their day.
 */
export const REMINDER_HOUR = 9;
