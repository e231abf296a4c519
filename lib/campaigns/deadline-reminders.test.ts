import { describe, expect, it } from "vitest";
import { parisDateTime } from "@/lib/time/paris";
import { dueReminders, reminderDedupeKey, reminderMoment } from "./deadline-reminders";

const wave = { closesAt: parisDateTime("2026-02-13T23:59") };
const draft = { applicationId: "a1", startedAt: parisDateTime("2025-11-02T10:00"), wave };
const at = (local: string) => parisDateTime(local);
const kinds = (now: Date, drafts = [draft]) => dueReminders(drafts, now).map((reminder) => reminder.kind);

describe("deadline reminders", () => {
  it("sends nothing before the morning of the 7th day before the deadline", () => {
    expect(kinds(at("2026-02-06T08:59"))).toEqual([]);
  });

  it("sends the 7-day reminder from 9:00 (Paris) on the 7th day before, until the 2-day one is due at 9:00 on the 2nd", () => {
    expect(kinds(at("2026-02-06T09:00"))).toEqual(["7d"]);
    expect(kinds(at("2026-02-11T08:59"))).toEqual(["7d"]);
    expect(kinds(at("2026-02-11T09:00"))).toEqual(["2d"]);
  });

  it("never sends a reminder at night for a deadline at 23:59", () => {
    expect(kinds(at("2026-02-06T00:01"))).toEqual([]);
    expect(kinds(at("2026-02-06T23:59"))).toEqual(["7d"]);
    expect(kinds(at("2026-02-10T23:59"))).toEqual(["7d"]);
    expect(reminderMoment(wave.closesAt, "7d")).toEqual(at("2026-02-06T09:00"));
    expect(reminderMoment(wave.closesAt, "2d")).toEqual(at("2026-02-11T09:00"));
  });

  it("sends nothing once the deadline has passed, its displayed minute included", () => {
    expect(kinds(at("2026-02-13T23:58"))).toEqual(["2d"]);
    expect(kinds(new Date(at("2026-02-13T23:59").getTime() + 59_999))).toEqual(["2d"]);
    expect(kinds(at("2026-02-14T00:00"))).toEqual([]);
  });

  it("follows the establishment's extension", () => {
    const extended = { ...draft, extension: { closesAt: at("2026-03-01T12:00") } };
    expect(kinds(at("2026-02-11T09:00"), [extended])).toEqual([]);
    expect(dueReminders([extended], at("2026-02-22T09:00"))).toEqual([
      { applicationId: "a1", kind: "7d", deadline: extended.extension.closesAt },
    ]);
    expect(kinds(at("2026-02-27T09:00"), [extended])).toEqual(["2d"]);
  });

  it("skips a reminder whose moment came before the draft was started", () => {
    const late = { ...draft, startedAt: at("2026-02-09T10:00") };
    expect(kinds(at("2026-02-09T10:05"), [late])).toEqual([]);
    expect(kinds(at("2026-02-11T10:00"), [late])).toEqual(["2d"]);
    expect(kinds(at("2026-02-11T10:00"), [{ ...draft, startedAt: at("2026-02-11T09:30") }])).toEqual([]);
  });

  it("counts Paris calendar days and keeps 9:00 Paris across the change to summer time", () => {
    // Summer time starts on Sunday 28 March 2027: the 7-day morning is in winter time, the 2-day
    // one in summer time.
    const spring = { ...draft, wave: { closesAt: at("2027-03-31T23:59") } };
    expect(reminderMoment(spring.wave.closesAt, "7d")).toEqual(new Date("2027-03-24T08:00:00Z"));
    expect(reminderMoment(spring.wave.closesAt, "2d")).toEqual(new Date("2027-03-29T07:00:00Z"));
    expect(kinds(at("2027-03-24T08:59"), [spring])).toEqual([]);
    expect(kinds(at("2027-03-24T09:00"), [spring])).toEqual(["7d"]);
    expect(kinds(at("2027-03-29T08:59"), [spring])).toEqual(["7d"]);
    expect(kinds(at("2027-03-29T09:00"), [spring])).toEqual(["2d"]);
  });

  it("keeps 9:00 Paris on the day winter time comes back, and for a deadline early in the morning", () => {
    // Winter time comes back on Sunday 25 October 2026, a 25-hour day.
    const autumn = at("2026-10-27T23:59");
    expect(reminderMoment(autumn, "2d")).toEqual(new Date("2026-10-25T08:00:00Z"));
    expect(reminderMoment(autumn, "7d")).toEqual(new Date("2026-10-20T07:00:00Z"));
    const dawn = at("2026-03-01T00:00");
    expect(reminderMoment(dawn, "2d")).toEqual(at("2026-02-27T09:00"));
  });

  it("keys each reminder by kind, dossier, deadline and recipient", () => {
    expect(reminderDedupeKey("7d", "a1", wave.closesAt, "u1")).toBe("reminder-7d:a1:2026-02-13T22:59:00.000Z:u1");
  });
});
