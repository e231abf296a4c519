import { z } from "zod";
import { checkCalendarDate } from "@/lib/applications/calendar-date";

const version = z.number().int().min(1);

/**
 * One objective's decision by a tier: approve, or refuse with a reason. A missing decision's message
 * names the objective: a summary or a screen reader may give it apart from the objective's group.
 */
export const ZObjectiveVerdictInput = z
  .object({
    objectiveCode: z.string().trim().min(1),
    decision: z.enum(["approve", "refuse"], { error: "Approuvez ou refusez l'objectif." }).optional(),
    reason: z.string().trim().max(4000, { error: "4 000 caractères au plus." }),
  })
  .transform(({ decision, ...verdict }, context) => {
    if (decision) return { ...verdict, decision };
    context.addIssue({ code: "custom", path: ["decision"], message: `Approuvez ou refusez l'objectif ${verdict.objectiveCode}.` });
    return z.NEVER;
  })
  .superRefine((verdict, context) => {
    if (verdict.decision === "refuse" && verdict.reason === "")
      context.addIssue({ code: "custom", path: ["reason"], message: "Motivez le refus." });
  });

/** A tier's decision on a declaration, objective by objective. */
export const ZVerificationDecisionInput = z.object({
  step: z.literal("decide"),
  version,
  objectives: z.array(ZObjectiveVerdictInput).min(1).max(50),
});
export type TVerificationDecisionInput = z.output<typeof ZVerificationDecisionInput>;

/** A tier sends the declaration back to the establishment with a message and a new deadline. */
export const ZInformationRequestInput = z.object({
  step: z.literal("requestInformation"),
  version,
  message: z
    .string()
    .trim()
    .min(1, { error: "Précisez ce que l'établissement doit compléter." })
    .max(8000, { error: "8 000 caractères au plus." }),
  responseDueOn: z.string().superRefine((day, context) => {
    const problem = day === "" ? "Indiquez la date limite de réponse." : checkCalendarDate(day);
    if (problem) context.addIssue({ code: "custom", message: problem });
  }),
});
export type TInformationRequestInput = z.output<typeof ZInformationRequestInput>;

export const ZVerificationStepInput = z.discriminatedUnion("step", [ZVerificationDecisionInput, ZInformationRequestInput]);
export type TVerificationStepInput = z.output<typeof ZVerificationStepInput>;

/** The establishment's answer to a request for information (its files travel beside it, multipart). */
export const ZVerificationAnswerInput = z.object({
  version,
  message: z.string().trim().min(1, { error: "Écrivez votre réponse." }).max(8000, { error: "8 000 caractères au plus." }),
});
export type TVerificationAnswerInput = z.output<typeof ZVerificationAnswerInput>;
