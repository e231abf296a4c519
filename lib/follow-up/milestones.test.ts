import { describe, expect, it } from "vitest";
import { parisToday } from "@/lib/time/paris";
import { dueFollowUpReminders, followUpReminderKey } from "./follow-up-reminders";
import { daysUntil, doneOnError, milestoneStatus } from "./milestones";

describe("milestone status", () => {
  it("is late from the Paris day after the planned day, never on it, and done whatever the day once recorded", () => {
    const milestone = { plannedOn: "2027-03-31", doneOn: null };
    expect(milestoneStatus(milestone, "2027-03-30")).toBe("PLANNED");
    expect(milestoneStatus(milestone, "2027-03-31")).toBe("PLANNED");
    expect(milestoneStatus(milestone, "2027-04-01")).toBe("LATE");
    expect(milestoneStatus({ ...milestone, doneOn: "2027-04-15" }, "2027-05-01")).toBe("DONE");
  });

  it("turns late at midnight in Paris, not at midnight UTC (summer time: UTC+2)", () => {
    const milestone = { plannedOn: "2027-03-31", doneOn: null };
    // 31 March 22:00 UTC is already 1 April, midnight, in Paris.
    expect(milestoneStatus(milestone, parisToday(new Date("2027-03-31T21:59:59Z")))).toBe("PLANNED");
    expect(milestoneStatus(milestone, parisToday(new Date("2027-03-31T22:00:00Z")))).toBe("LATE");
    // Winter time: UTC+1.
    const winter = { plannedOn: "2027-01-15", doneOn: null };
    expect(milestoneStatus(winter, parisToday(new Date("2027-01-15T22:59:59Z")))).toBe("PLANNED");
    expect(milestoneStatus(winter, parisToday(new Date("2027-01-15T23:00:00Z")))).toBe("LATE");
  });

  it("counts calendar days, across the change of hour", () => {
    expect(daysUntil("2027-04-02", "2027-03-26")).toBe(7);
    expect(daysUntil("2027-03-26", "2027-03-26")).toBe(0);
    expect(daysUntil("2027-03-25", "2027-03-26")).toBe(-1);
  });
});

describe("a milestone's day of completion", () => {
  it("is today at the latest and the wave's opening day at the earliest, each refused with its reason", () => {
    expect(doneOnError("2027-03-10", "2027-03-10", "2025-01-15")).toBeNull();
    expect(doneOnError("2025-01-15", "2027-03-10", "2025-01-15")).toBeNull();
    expect(doneOnError("2027-03-11", "2027-03-10", "2025-01-15")).toBe("Un jalon ne peut pas être réalisé dans le futur.");
    expect(doneOnError("2001-01-01", "2027-03-10", "2025-01-15")).toBe(
      "Un jalon ne peut pas être réalisé avant l'ouverture de la vague, le 15 janvier 2025.",
    );
  });
});

describe("follow-up reminders", () => {
  const milestone = { milestoneId: "m1", applicationId: "a1", plannedOn: "2027-04-10", doneOn: null };
  const declaration = { applicationId: "a1", dueOn: "2027-06-30", declared: false };

  it("reminds of a milestone not done from 7 days before its day until the day itself", () => {
    expect(dueFollowUpReminders([milestone], [], "2027-04-02")).toEqual([]);
    expect(dueFollowUpReminders([milestone], [], "2027-04-03")).toEqual([
      { kind: "milestone", applicationId: "a1", milestoneId: "m1", day: "2027-04-10", daysLeft: 7 },
    ]);
    expect(dueFollowUpReminders([milestone], [], "2027-04-10")).toMatchObject([{ daysLeft: 0 }]);
    expect(dueFollowUpReminders([milestone], [], "2027-04-11")).toEqual([]);
    expect(dueFollowUpReminders([{ ...milestone, doneOn: "2027-04-01" }], [], "2027-04-05")).toEqual([]);
  });

  it("reminds of the declaration deadline while the results are not declared", () => {
    expect(dueFollowUpReminders([], [declaration], "2027-06-25")).toEqual([
      { kind: "declaration", applicationId: "a1", day: "2027-06-30", daysLeft: 5 },
    ]);
    expect(dueFollowUpReminders([], [{ ...declaration, declared: true }], "2027-06-25")).toEqual([]);
    expect(dueFollowUpReminders([], [declaration], "2027-06-22")).toEqual([]);
  });

  it("keys each reminder by what it is about, its day and the person, so a moved milestone reminds again", () => {
    const [reminder] = dueFollowUpReminders([milestone], [declaration], "2027-04-05");
    expect(followUpReminderKey(reminder!, "u1")).toBe("milestone-reminder:m1:2027-04-10:u1");
    const [deadline] = dueFollowUpReminders([], [declaration], "2027-06-30");
    expect(followUpReminderKey(deadline!, "u1")).toBe("declaration-reminder:a1:2027-06-30:u1");
  });
});
