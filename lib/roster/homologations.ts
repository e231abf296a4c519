/**
 * The establishment's dated decisions that a local MIE type (Windows Hello, a smart card, a local
 * FIDO2 key…) meets eIDAS « substantiel »: until then, the RIE does not count it. Only the types the
 * catalogue governs locally and accepts beyond the transition can be homologated.
 *
 * Public API: `setHomologation`, `removeHomologation`; what a decision says (`ZHomologationInput`,
 * `HOMOLOGABLE_TYPES`) is in `homologation-schema.ts`, which the browser's form reads too.
 * The roster page reads the decisions with its rows (`listProfessionals`).
 */
import { authorizeEstablishment } from "@/lib/access/policy";
import { auditActor, type Viewer } from "@/lib/access/viewer";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db/client";
import type { MieType } from "@/lib/db/generated/enums";
import { AppError } from "@/lib/errors/app-error";
import { dayToDate, toDay } from "./dates";
import type { THomologationInput } from "./homologation-schema";
import { recordIndicatorSnapshot } from "./snapshots";

/** Records (or replaces) the decision for a type; the indicators follow in the same transaction. */
export async function setHomologation(
  viewer: Viewer,
  input: { establishmentId: string; homologation: THomologationInput; ip: string | null },
): Promise<void> {
  authorizeEstablishment(viewer, input.establishmentId, "edit");
  const { type, reference } = input.homologation;
  const decidedAt = dayToDate(toDay(input.homologation.decidedAt));
  await db.$transaction(async (tx) => {
    await tx.mieHomologation.upsert({
      where: { establishmentId_type: { establishmentId: input.establishmentId, type } },
      create: { establishmentId: input.establishmentId, type, decidedAt, reference },
      update: { decidedAt, reference },
    });
    await recordIndicatorSnapshot(tx, input.establishmentId, "CHANGE");
    await recordAudit(tx, {
      actor: auditActor(viewer),
      action: "roster.homologation_set",
      target: { type: "Establishment", id: input.establishmentId },
      ip: input.ip,
      details: { type, decidedAt: input.homologation.decidedAt, reference },
    });
  });
}

export async function removeHomologation(
  viewer: Viewer,
  input: { establishmentId: string; type: MieType; ip: string | null },
): Promise<void> {
  authorizeEstablishment(viewer, input.establishmentId, "edit");
  await db.$transaction(async (tx) => {
    const removed = await tx.mieHomologation.deleteMany({ where: { establishmentId: input.establishmentId, type: input.type } });
    if (removed.count === 0) throw new AppError("NOT_FOUND", "Cette homologation n'existe pas ou a déjà été retirée.");
    await recordIndicatorSnapshot(tx, input.establishmentId, "CHANGE");
    await recordAudit(tx, {
      actor: auditActor(viewer),
      action: "roster.homologation_removed",
      target: { type: "Establishment", id: input.establishmentId },
      ip: input.ip,
      details: { type: input.type },
    });
  });
}
