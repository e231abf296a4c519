import { describe, expect, it } from "vitest";
import { parisDateTime } from "@/lib/time/paris";
import { dueReviewReminders, effectiveDueAt, isOverdue } from "./due-dates";

const WAVE = { regionalReviewDueAt: parisDateTime("2026-12-04T18:00"), nationalReviewDueAt: parisDateTime("2027-01-15T18:00") };
const review = (dueAt = WAVE.regionalReviewDueAt, assignedAt = parisDateTime("2026-11-02T10:00")) => ({
  assignmentId: "a1",
  assignedAt,
  dueAt,
});

describe("review due dates", () => {
  it("take the tier's date on the wave unless the assignment has its own", () => {
    expect(effectiveDueAt({ tier: "REGIONAL", dueAt: null }, WAVE)).toEqual(WAVE.regionalReviewDueAt);
    expect(effectiveDueAt({ tier: "NATIONAL", dueAt: null }, WAVE)).toEqual(WAVE.nationalReviewDueAt);
    const own = parisDateTime("2026-12-10T12:00");
    expect(effectiveDueAt({ tier: "REGIONAL", dueAt: own }, WAVE)).toEqual(own);
    expect(effectiveDueAt({ tier: "NATIONAL", dueAt: null }, { ...WAVE, nationalReviewDueAt: null })).toBeNull();
  });

  it("are overdue once passed, unless submitted", () => {
    expect(isOverdue(WAVE.regionalReviewDueAt, false, parisDateTime("2026-12-04T18:00"))).toBe(true);
    expect(isOverdue(WAVE.regionalReviewDueAt, false, parisDateTime("2026-12-04T17:59"))).toBe(false);
    expect(isOverdue(WAVE.regionalReviewDueAt, true, parisDateTime("2026-12-10T09:00"))).toBe(false);
    expect(isOverdue(null, false, parisDateTime("2030-01-01T09:00"))).toBe(false);
  });
});

describe("review reminders", () => {
  it("remind 3 days before the due date, once per date (the key names it)", () => {
    expect(dueReviewReminders([review()], parisDateTime("2026-12-01T17:59"))).toEqual([]);
    expect(dueReviewReminders([review()], parisDateTime("2026-12-01T18:00"))).toEqual([
      {
        assignmentId: "a1",
        kind: "due-soon",
        dueAt: WAVE.regionalReviewDueAt,
        dedupeKey: `review-due-soon:a1:${WAVE.regionalReviewDueAt.toISOString()}`,
      },
    ]);
  });

  it("skip the « 3 days before » reminder for an assignment made after that moment", () => {
    expect(dueReviewReminders([review(undefined, parisDateTime("2026-12-02T09:00"))], parisDateTime("2026-12-03T09:00"))).toEqual([]);
  });

  it("remind each working day once overdue, from 9 a.m., never on week-ends or public holidays", () => {
    const at = (local: string) => dueReviewReminders([review()], parisDateTime(local)).map((reminder) => reminder.dedupeKey);
    expect(at("2026-12-04T18:30")).toEqual(["review-overdue:a1:2026-12-04"]); // Friday, the due day itself
    expect(at("2026-12-05T10:00")).toEqual([]); // Saturday
    expect(at("2026-12-07T08:59")).toEqual([]);
    expect(at("2026-12-07T09:00")).toEqual(["review-overdue:a1:2026-12-07"]);
    expect(at("2026-12-25T10:00")).toEqual([]); // Christmas
  });
});
