/**
 * Actions on the professionals selected in the roster table: give them an MIE, mark them
 * registered in the RPPS, end their activity. All or nothing: when one selected professional
 * cannot take the action, nothing is written and each refusal is returned with the row it
 * concerns, for the table to show beside it.
 *
 * Public API: `ZBulkAction`, `TBulkAction`, `BulkOutcome`, `applyBulkAction`.
 */
import { z } from "zod";
import { authorizeEstablishment } from "@/lib/access/policy";
import { auditActor, type Viewer } from "@/lib/access/viewer";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db/client";
import { MieType } from "@/lib/db/generated/enums";
import { AppError } from "@/lib/errors/app-error";
import { MIE_CATALOGUE } from "@/lib/mie/catalogue";
import { dayToDate, formatDayFr, parseIsoDay, toDay } from "./dates";
import { recordIndicatorSnapshot } from "./snapshots";
import { professionalName } from "./labels";
import { implausibleDayProblem } from "./past-days";

const zDay = (message: string) =>
  z
    .string()
    .trim()
    .refine((text) => parseIsoDay(text) !== null, { error: message });

const zIds = z
  .array(z.uuid())
  .min(1, { error: "Sélectionnez au moins un professionnel." })
  .max(500, { error: "Sélectionnez au plus 500 professionnels à la fois." });

export const ZBulkAction = z.discriminatedUnion("action", [
  z.object({
    action: z.literal("ADD_MIE"),
    ids: zIds,
    type: z.enum(MieType, { error: "Choisissez le MIE." }),
    enrolledAt: zDay("Indiquez la date d'enrôlement."),
  }),
  z.object({
    action: z.literal("MARK_REGISTERED"),
    ids: zIds,
    checkedAt: zDay("Indiquez la date de vérification dans le RPPS.").superRefine((text, ctx) => {
      const problem = implausibleDayProblem("rppsCheckedAt", toDay(text));
      if (problem) ctx.addIssue({ code: "custom", message: problem });
    }),
  }),
  z.object({ action: z.literal("END_ACTIVITY"), ids: zIds, activityEnd: zDay("Indiquez le dernier jour d'activité.") }),
]);
export type TBulkAction = z.infer<typeof ZBulkAction>;

/** `done`: the professionals the action changed; `unchanged`: those it left as they were (a MIE they already had, still valid). */
export type BulkOutcome = { done: number; unchanged: number; refused: Array<{ id: string; message: string }> };

export async function applyBulkAction(
  viewer: Viewer,
  input: { establishmentId: string; action: TBulkAction; ip: string | null },
): Promise<BulkOutcome> {
  authorizeEstablishment(viewer, input.establishmentId, "edit");
  const { action } = input;
  const ids = [...new Set(action.ids)];
  return db.$transaction(async (tx) => {
    const professionals = await tx.professional.findMany({
      where: { id: { in: ids }, establishmentId: input.establishmentId },
      select: {
        id: true,
        lastName: true,
        firstName: true,
        rpps: true,
        activityStart: true,
        enrollments: { select: { type: true, expiresAt: true, revokedAt: true } },
      },
    });
    if (professionals.length !== ids.length)
      throw new AppError("NOT_FOUND", "Certains professionnels sélectionnés ne sont plus dans le registre : rechargez la page.");
    const refused: BulkOutcome["refused"] = [];
    let done = ids.length;

    if (action.action === "ADD_MIE") {
      const enrolledAt = dayToDate(toDay(action.enrolledAt));
      // A card revoked, or expired by the new enrollment's day, is being renewed: the new one is added.
      const holds = (enrollment: { type: MieType; expiresAt: Date | null; revokedAt: Date | null }) =>
        enrollment.type === action.type &&
        enrollment.revokedAt === null &&
        (enrollment.expiresAt === null || enrollment.expiresAt > enrolledAt);
      const targets = professionals.filter((professional) => !professional.enrollments.some(holds));
      done = targets.length;
      await tx.mieEnrollment.createMany({
        data: targets.map((professional) => ({ professionalId: professional.id, type: action.type, enrolledAt })),
      });
      await tx.professional.updateMany({
        where: { id: { in: targets.map((professional) => professional.id) } },
        data: { version: { increment: 1 } },
      });
    } else if (action.action === "MARK_REGISTERED") {
      for (const professional of professionals) {
        if (professional.rpps === null)
          refused.push({
            id: professional.id,
            message: `${professionalName(professional)} n'a pas de numéro RPPS : saisissez-le dans sa fiche.`,
          });
      }
      if (refused.length === 0) {
        await tx.professional.updateMany({
          where: { id: { in: ids } },
          data: { rppsStatus: "REGISTERED", rppsCheckedAt: dayToDate(toDay(action.checkedAt)), version: { increment: 1 } },
        });
      }
    } else {
      const end = dayToDate(toDay(action.activityEnd));
      for (const professional of professionals) {
        if (professional.activityStart > end) {
          refused.push({
            id: professional.id,
            message: `${professionalName(professional)} a commencé le ${formatDayFr(toDay(professional.activityStart))}, après la fin indiquée.`,
          });
        }
      }
      if (refused.length === 0)
        await tx.professional.updateMany({ where: { id: { in: ids } }, data: { activityEnd: end, version: { increment: 1 } } });
    }
    if (refused.length > 0) return { done: 0, unchanged: 0, refused };
    // Nothing changed: no reading of the indicators, nothing for the journal.
    if (done === 0) return { done, unchanged: ids.length, refused };

    await recordIndicatorSnapshot(tx, input.establishmentId, "CHANGE");
    await recordAudit(tx, {
      actor: auditActor(viewer),
      action: "roster.bulk_action",
      target: { type: "Establishment", id: input.establishmentId },
      ip: input.ip,
      details: {
        action: action.action,
        count: done,
        ...(action.action === "ADD_MIE" ? { type: action.type, label: MIE_CATALOGUE[action.type].shortLabel } : {}),
      },
    });
    return { done, unchanged: ids.length - done, refused };
  });
}
