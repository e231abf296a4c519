import { describe, expect, it } from "vitest";
import { parisDateTime } from "@/lib/time/paris";
import { dueReminders, reminderDedupeKey } from "./deadline-reminders";

const wave = { closesAt: parisDateTime("2026-02-13T23:59") };
const draft = { applicationId: "a1", startedAt: parisDateTime("2025-11-02T10:00"), wave };
const at = (local: string) => parisDateTime(local);
const kinds = (now: Date, drafts = [draft]) => dueReminders(drafts, now).map((reminder) => reminder.kind);

describe("deadline reminders", () => {
  it("sends nothing more than 7 days ahead", () => {
    expect(kinds(at("2026-02-06T23:58"))).toEqual([]);
  });

  it("sends the 7-day reminder from 7 days before the deadline, until the 2-day one is due", () => {
    expect(kinds(at("2026-02-06T23:59"))).toEqual(["7d"]);
    expect(kinds(at("2026-02-11T23:58"))).toEqual(["7d"]);
    expect(kinds(at("2026-02-11T23:59"))).toEqual(["2d"]);
  });

  it("sends nothing once the deadline has passed, its displayed minute included", () => {
    expect(kinds(at("2026-02-13T23:58"))).toEqual(["2d"]);
    expect(kinds(new Date(at("2026-02-13T23:59").getTime() + 59_999))).toEqual(["2d"]);
    expect(kinds(at("2026-02-14T00:00"))).toEqual([]);
  });

  it("follows the establishment's extension", () => {
    const extended = { ...draft, extension: { closesAt: at("2026-03-01T12:00") } };
    expect(kinds(at("2026-02-11T23:59"), [extended])).toEqual([]);
    expect(dueReminders([extended], at("2026-02-22T12:00"))).toEqual([
      { applicationId: "a1", kind: "7d", deadline: extended.extension.closesAt },
    ]);
    expect(kinds(at("2026-02-27T12:00"), [extended])).toEqual(["2d"]);
  });

  it("skips a reminder whose moment came before the draft was started", () => {
    const late = { ...draft, startedAt: at("2026-02-09T10:00") };
    expect(kinds(at("2026-02-09T10:05"), [late])).toEqual([]);
    expect(kinds(at("2026-02-12T08:00"), [late])).toEqual(["2d"]);
    expect(kinds(at("2026-02-12T08:00"), [{ ...draft, startedAt: at("2026-02-12T07:00") }])).toEqual([]);
  });

  it("counts Paris calendar days across the change to summer time", () => {
    const spring = { ...draft, wave: { closesAt: at("2027-03-31T23:59") } };
    expect(kinds(at("2027-03-24T23:58"), [spring])).toEqual([]);
    expect(kinds(at("2027-03-24T23:59"), [spring])).toEqual(["7d"]);
  });

  it("keys each reminder by kind, dossier, deadline and recipient", () => {
    expect(reminderDedupeKey("7d", "a1", wave.closesAt, "u1")).toBe("reminder-7d:a1:2026-02-13T22:59:00.000Z:u1");
  });
});
