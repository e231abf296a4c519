/**
 * Deleting a professional's record created by mistake (a duplicate, a line imported into the
 * wrong establishment): someone who left keeps their record with an end of activity instead. One
 * transaction: the record and its MIE enrolments (cascade), the day's indicators refreshed, and
 * an audit entry that keeps the person's name and RPPS number, the record itself being gone.
 *
 * Public API: `deleteProfessional`.
 */
import { authorizeEstablishment } from "@/lib/access/policy";
import { auditActor, type Viewer } from "@/lib/access/viewer";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { professionalName } from "./labels";
import { lockEstablishmentRoster, recordIndicatorSnapshot } from "./snapshots";

export async function deleteProfessional(
  viewer: Viewer,
  input: { establishmentId: string; professionalId: string; expectedVersion: number; ip: string | null },
): Promise<void> {
  authorizeEstablishment(viewer, input.establishmentId, "edit");
  await db.$transaction(async (tx) => {
    await lockEstablishmentRoster(tx, input.establishmentId);
    const where = { id: input.professionalId, establishmentId: input.establishmentId };
    const current = await tx.professional.findFirst({ where, select: { lastName: true, firstName: true, rpps: true } });
    if (!current) throw new AppError("NOT_FOUND");
    // MieEnrollment rows go with it (ON DELETE CASCADE).
    const deleted = await tx.professional.deleteMany({ where: { ...where, version: input.expectedVersion } });
    if (deleted.count !== 1) {
      throw new AppError(
        "CONFLICT",
        "Cette fiche a été modifiée par une autre personne depuis son affichage : rechargez la page et vérifiez-la avant de la supprimer.",
      );
    }
    await recordIndicatorSnapshot(tx, input.establishmentId, "CHANGE");
    await recordAudit(tx, {
      actor: auditActor(viewer),
      action: "roster.professional_deleted",
      target: { type: "Professional", id: input.professionalId },
      ip: input.ip,
      details: { establishmentId: input.establishmentId, name: professionalName(current), rpps: current.rpps },
    });
  });
}
