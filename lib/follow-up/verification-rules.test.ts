import { describe, expect, it } from "vitest";
import { parisDateTime } from "@/lib/time/paris";
import {
  endOfParisDay,
  isVerificationOverdue,
  tierDueAt,
  tierVerdict,
  VERIFICATION_OVERDUE_REMINDER_DAYS,
  VERIFICATION_REMINDER_DAYS,
  verdictProblems,
  verificationReminder,
  verificationReminderKey,
} from "./verification-rules";
import { ZVerificationStepInput } from "./verification-schema";

const CODES = ["O1", "O2", "O3"];
const DECLARED = CODES.map((objectiveCode) => ({ objectiveCode, achieved: true, precheckMet: null }));
const approve = (objectiveCode: string) => ({ objectiveCode, approved: true, reason: "" });

describe("a tier's decision on declared results", () => {
  it("approves the declaration only when every objective is approved", () => {
    expect(tierVerdict(CODES.map(approve))).toBe("APPROVE");
    expect(tierVerdict([approve("O1"), { objectiveCode: "O2", approved: false, reason: "Pièce illisible." }, approve("O3")])).toBe(
      "REFUSE",
    );
  });

  it("wants each declared objective decided once, none unknown, and every refusal motivated", () => {
    expect(verdictProblems(DECLARED, CODES.map(approve))).toEqual({});
    expect(
      verdictProblems(DECLARED, [approve("O1"), approve("O1"), { objectiveCode: "O2", approved: false, reason: "  " }, approve("O9")]),
    ).toEqual({
      "objectives.1.decision": ["Cet objectif est déjà décidé."],
      "objectives.2.reason": ["Motivez le refus."],
      "objectives.3.decision": ["Cet objectif n'est pas déclaré."],
      "objectives.2.decision": ["Décidez de l'objectif O3."],
    });
  });

  it("wants a reason to approve an objective declared not achieved, or whose targets the figures miss", () => {
    const declared = [
      { objectiveCode: "O1", achieved: false, precheckMet: null },
      { objectiveCode: "O2", achieved: true, precheckMet: false },
      { objectiveCode: "O3", achieved: true, precheckMet: true },
    ];
    expect(verdictProblems(declared, CODES.map(approve))).toEqual({
      "objectives.0.reason": ["Motivez l'approbation : l'établissement déclare cet objectif non atteint."],
      "objectives.1.reason": ["Motivez l'approbation : les cibles de cet objectif ne sont pas atteintes."],
    });
    const explained = CODES.map((objectiveCode) => ({ ...approve(objectiveCode), reason: "Atteint depuis, pièces à l'appui." }));
    expect(verdictProblems(declared, explained)).toEqual({});
  });

  it("gives each tier 30 Paris calendar days from the arrival, across a change of clocks", () => {
    expect(tierDueAt(parisDateTime("2027-03-15T10:00"), "REGIONAL")).toEqual(parisDateTime("2027-04-14T10:00"));
    expect(tierDueAt(parisDateTime("2027-10-10T09:30"), "NATIONAL")).toEqual(parisDateTime("2027-11-09T09:30"));
  });

  it("sets the establishment's deadline at the end of the chosen Paris day, overdue from then", () => {
    const deadline = endOfParisDay("2027-01-31");
    expect(deadline).toEqual(parisDateTime("2027-01-31T23:59:59"));
    expect(isVerificationOverdue(deadline, parisDateTime("2027-01-31T23:59"))).toBe(false);
    expect(isVerificationOverdue(deadline, parisDateTime("2027-02-01T00:00"))).toBe(true);
  });

  it("refuses, in French, a refusal without reason and a request without message or valid deadline", () => {
    const refused = ZVerificationStepInput.safeParse({
      step: "decide",
      version: 1,
      objectives: [{ objectiveCode: "O1", decision: "refuse", reason: "" }],
    });
    expect(refused.success ? [] : refused.error.issues.map((issue) => [issue.path.join("."), issue.message])).toEqual([
      ["objectives.0.reason", "Motivez le refus."],
    ]);
    const request = ZVerificationStepInput.safeParse({ step: "requestInformation", version: 1, message: " ", responseDueOn: "2027-02-30" });
    expect(request.success ? [] : request.error.issues.map((issue) => [issue.path.join("."), issue.message])).toEqual([
      ["message", "Précisez ce que l'établissement doit compléter."],
      ["responseDueOn", "Cette date n'existe pas."],
    ]);
  });

  it("names the objective left without a decision, as its message may be read apart from its group", () => {
    const undecided = ZVerificationStepInput.safeParse({
      step: "decide",
      version: 1,
      objectives: [
        { objectiveCode: "O1", decision: "approve", reason: "" },
        { objectiveCode: "O2", reason: "" },
      ],
    });
    expect(undecided.success ? [] : undecided.error.issues.map((issue) => [issue.path.join("."), issue.message])).toEqual([
      ["objectives.1.decision", "Approuvez ou refusez l'objectif O2."],
    ]);
  });

  it("reminds a tier's verifiers from 7 Paris days before its due day until it is due, not before", () => {
    const dueAt = parisDateTime("2027-01-01T10:00");
    expect(VERIFICATION_REMINDER_DAYS).toBe(7);
    expect(verificationReminder(dueAt, parisDateTime("2026-12-24T23:59"))).toBeNull();
    expect(verificationReminder(dueAt, parisDateTime("2026-12-25T00:00"))).toEqual({ kind: "due-soon", daysLeft: 7 });
    expect(verificationReminder(dueAt, parisDateTime("2026-12-31T18:00"))).toEqual({ kind: "due-soon", daysLeft: 1 });
    expect(verificationReminder(dueAt, parisDateTime("2027-01-01T09:59"))).toEqual({ kind: "due-soon", daysLeft: 0 });
  });

  it("reminds them once it is overdue, up to 7 Paris days after the due day so that a job down for a while still sends it", () => {
    const dueAt = parisDateTime("2027-01-01T10:00");
    expect(VERIFICATION_OVERDUE_REMINDER_DAYS).toBe(7);
    expect(verificationReminder(dueAt, parisDateTime("2027-01-01T10:00"))).toEqual({ kind: "overdue" });
    expect(verificationReminder(dueAt, parisDateTime("2027-01-08T23:59"))).toEqual({ kind: "overdue" });
    expect(verificationReminder(dueAt, parisDateTime("2027-01-09T00:00"))).toBeNull();
  });

  it("keys each reminder by its kind, the verification, its due date and the person: sent once, again for a new due date", () => {
    const dueAt = new Date("2027-01-01T09:00:00Z");
    expect(verificationReminderKey("due-soon", "v1", dueAt, "u1")).toBe("verification-reminder:v1:2027-01-01T09:00:00.000Z:u1");
    expect(verificationReminderKey("overdue", "v1", dueAt, "u1")).toBe("verification-overdue:v1:2027-01-01T09:00:00.000Z:u1");
  });
});
