import { TZDate } from "@date-fns/tz";
import { addDays } from "date-fns";
import type { ReviewTier, VerificationAction } from "@/lib/db/generated/enums";
import { parisDateTime, PARIS, parisToday } from "@/lib/time/paris";
import { daysUntil } from "./milestones";

/**
 * The rules of a tier's decision, as plain functions (ADR 0020).
 *
 * Due dates: each tier has a fixed number of Paris calendar days from the moment the declaration
 * reaches it (declared, forwarded by the ARS, or answered by the establishment), same time of day.
 * The same for every wave: a service commitment of the programme, not one of its secret figures.
 */
export const VERIFICATION_DAYS: Readonly<Record<ReviewTier, number>> = { REGIONAL: 30, NATIONAL: 30 };
/** How many Paris days before a tier's due day its verifiers are reminded (follow-up-reminders job). */
export const VERIFICATION_REMINDER_DAYS = 7;

export function tierDueAt(arrivedAt: Date, tier: ReviewTier): Date {
  return new Date(addDays(new TZDate(arrivedAt.getTime(), PARIS), VERIFICATION_DAYS[tier]).getTime());
}

/** An establishment's deadline, chosen as a day: the end of that Paris day. */
export function endOfParisDay(day: string): Date {
  return parisDateTime(`${day}T23:59:59`);
}

export function isVerificationOverdue(dueAt: Date, now: Date): boolean {
  return now >= dueAt;
}

/**
 * How many Paris days after a tier's due day its overdue reminder may still go out: a job down for
 * a while still sends it, while a declaration stuck for months is neither reconsidered at every run
 * nor announced as late to a verifier who joins the region long after.
 */
export const VERIFICATION_OVERDUE_REMINDER_DAYS = 7;

export type VerificationReminder = { kind: "due-soon"; daysLeft: number } | { kind: "overdue" };

/**
 * The reminder due at `now` to the verifiers of the tier holding a declaration due at `dueAt`, else
 * null: « due soon » from VERIFICATION_REMINDER_DAYS Paris days before the due day while not yet due
 * (with the days left), then « overdue » once it is due, for VERIFICATION_OVERDUE_REMINDER_DAYS Paris
 * days. Each goes out once per verification, due date and person (`verificationReminderKey`): the
 * overdue reminder is not repeated, the follow-up board shows « En retard » from then on.
 */
export function verificationReminder(dueAt: Date, now: Date): VerificationReminder | null {
  const left = daysUntil(parisToday(dueAt), parisToday(now));
  if (isVerificationOverdue(dueAt, now)) return -left <= VERIFICATION_OVERDUE_REMINDER_DAYS ? { kind: "overdue" } : null;
  return left <= VERIFICATION_REMINDER_DAYS ? { kind: "due-soon", daysLeft: left } : null;
}

/** The outbox's dedupe key of a verification reminder: what makes it news is the step's due date. */
export function verificationReminderKey(kind: VerificationReminder["kind"], verificationId: string, dueAt: Date, userId: string): string {
  const prefix = kind === "due-soon" ? "verification-reminder" : "verification-overdue";
  return `${prefix}:${verificationId}:${dueAt.toISOString()}:${userId}`;
}

export type Verdict = { objectiveCode: string; approved: boolean; reason: string };

/** A declared objective as its verdict is judged: what the establishment declared and what its targets' pre-check found. */
export type DeclaredForVerdict = { objectiveCode: string; achieved: boolean; precheckMet: boolean | null };

/**
 * Why approving this objective needs a reason (« l'établissement déclare cet objectif non atteint »), or null: approving an objective the establishment
 * declares not achieved, or whose targets the figures do not reach, releases money against the
 * evidence, which the reviewer must explain.
 */
export function approvalNeedsReason(declared: Omit<DeclaredForVerdict, "objectiveCode">): string | null {
  if (!declared.achieved) return "l'établissement déclare cet objectif non atteint";
  if (declared.precheckMet === false) return "les cibles de cet objectif ne sont pas atteintes";
  return null;
}

/**
 * Checks a tier's verdicts against the declared objectives: one per objective, none unknown, a
 * reason for every refusal and for an approval against the evidence. Field errors keyed like the
 * form's fields (`objectives.<i>.decision`).
 */
export function verdictProblems(declared: readonly DeclaredForVerdict[], verdicts: readonly Verdict[]): Record<string, string[]> {
  const problems: Record<string, string[]> = {};
  const seen = new Set<string>();
  const declaredCodes = declared.map((objective) => objective.objectiveCode);
  verdicts.forEach((verdict, index) => {
    const objective = declared.find((candidate) => candidate.objectiveCode === verdict.objectiveCode);
    const unexplained = verdict.reason.trim() === "";
    const approvalReason = objective && verdict.approved && unexplained ? approvalNeedsReason(objective) : null;
    if (!objective) problems[`objectives.${index}.decision`] = ["Cet objectif n'est pas déclaré."];
    else if (seen.has(verdict.objectiveCode)) problems[`objectives.${index}.decision`] = ["Cet objectif est déjà décidé."];
    else if (!verdict.approved && unexplained) problems[`objectives.${index}.reason`] = ["Motivez le refus."];
    else if (approvalReason) problems[`objectives.${index}.reason`] = [`Motivez l'approbation : ${approvalReason}.`];
    seen.add(verdict.objectiveCode);
  });
  declaredCodes.forEach((code) => {
    if (!seen.has(code)) problems[`objectives.${declaredCodes.indexOf(code)}.decision`] = [`Décidez de l'objectif ${code}.`];
  });
  return problems;
}

/** A tier approves the declaration when it approves every objective; one refusal refuses it. */
export function tierVerdict(verdicts: readonly Verdict[]): Extract<VerificationAction, "APPROVE" | "REFUSE"> {
  return verdicts.every((verdict) => verdict.approved) ? "APPROVE" : "REFUSE";
}
