/**
 * Adding and changing one professional from the form: same writers as the import (one code path
 * to the tables), optimistic concurrency on the version, audited, and the day's indicators
 * refreshed in the same transaction.
 *
 * Public API: `createProfessional`, `updateProfessional`.
 */
import { authorizeEstablishment } from "@/lib/access/policy";
import { auditActor, type Viewer } from "@/lib/access/viewer";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { professionalName } from "./labels";
import { toProfessionalRecord, type TProfessionalInput } from "./professional-schema";
import { insertProfessionals, replaceEnrollments, updateProfessionals, type RosterWriter } from "./roster-writes";
import { lockEstablishmentRoster, recordIndicatorSnapshot } from "./snapshots";
import { dayToDate, toDay } from "./dates";
import { personKey } from "./import/match-key";
import { ofName } from "@/lib/format/elision";
import { formatParisDateTime } from "@/lib/time/paris";

async function checkReferences(
  client: RosterWriter,
  establishmentId: string,
  input: TProfessionalInput,
  professionalId: string | null,
): Promise<void> {
  const others = professionalId ? { id: { not: professionalId } } : {};
  const birthDate = input.birthDate === "" ? null : dayToDate(toDay(input.birthDate));
  const [profession, sameRpps, bornSameDay] = await Promise.all([
    client.profession.findUnique({ where: { code: input.professionCode }, select: { code: true } }),
    input.rpps === ""
      ? null
      : client.professional.findFirst({
          where: { establishmentId, rpps: input.rpps, ...others },
          select: { lastName: true, firstName: true },
        }),
    input.rpps === "" && birthDate
      ? client.professional.findMany({ where: { establishmentId, birthDate, ...others }, select: { lastName: true, firstName: true } })
      : [],
  ]);
  // Without an RPPS number, an import recognises a person by name and birth date (import-plan.ts):
  // a second record of the same person would leave one of them out of every later import.
  const samePerson = birthDate
    ? bornSameDay.find(
        (other) => personKey(other.lastName, other.firstName, birthDate) === personKey(input.lastName, input.firstName, birthDate),
      )
    : undefined;
  const fieldErrors: Record<string, string[]> = {};
  if (!profession) fieldErrors.professionCode = ["Choisissez une profession de la liste."];
  if (sameRpps) fieldErrors.rpps = [`Ce numéro RPPS est déjà celui ${ofName(professionalName(sameRpps))} dans le registre.`];
  if (samePerson) {
    fieldErrors.lastName = [
      `Le registre compte déjà ${professionalName(samePerson)}, avec la même date de naissance : complétez sa fiche plutôt que d'en créer une seconde.`,
    ];
  }
  if (Object.keys(fieldErrors).length > 0) throw new AppError("INVALID_INPUT", undefined, { fieldErrors });
}

export async function createProfessional(
  viewer: Viewer,
  input: { establishmentId: string; professional: TProfessionalInput; ip: string | null },
): Promise<{ id: string }> {
  authorizeEstablishment(viewer, input.establishmentId, "edit");
  return db.$transaction(async (tx) => {
    await lockEstablishmentRoster(tx, input.establishmentId);
    await checkReferences(tx, input.establishmentId, input.professional, null);
    const [id] = await insertProfessionals(tx, input.establishmentId, [toProfessionalRecord(input.professional)]);
    await recordIndicatorSnapshot(tx, input.establishmentId, "CHANGE");
    await recordAudit(tx, {
      actor: auditActor(viewer),
      action: "roster.professional_created",
      target: { type: "Professional", id: id! },
      ip: input.ip,
      details: { establishmentId: input.establishmentId },
    });
    return { id: id! };
  });
}

export async function updateProfessional(
  viewer: Viewer,
  input: { establishmentId: string; professionalId: string; expectedVersion: number; professional: TProfessionalInput; ip: string | null },
): Promise<{ version: number }> {
  authorizeEstablishment(viewer, input.establishmentId, "edit");
  return db.$transaction(async (tx) => {
    const current = await tx.professional.findFirst({
      where: { id: input.professionalId, establishmentId: input.establishmentId },
      select: { version: true },
    });
    if (!current) throw await missingProfessional(tx, input.establishmentId, input.professionalId);
    await lockEstablishmentRoster(tx, input.establishmentId);
    await checkReferences(tx, input.establishmentId, input.professional, input.professionalId);
    const record = toProfessionalRecord(input.professional);
    const written = await updateProfessionals(tx, input.establishmentId, [
      { id: input.professionalId, version: input.expectedVersion, record },
    ]);
    if (written !== 1) {
      throw new AppError(
        "CONFLICT",
        "Cette fiche a été modifiée par une autre personne pendant votre saisie. Rechargez la page pour voir ses modifications.",
      );
    }
    await replaceEnrollments(tx, [{ professionalId: input.professionalId, enrollments: record.enrollments }]);
    await recordIndicatorSnapshot(tx, input.establishmentId, "CHANGE");
    await recordAudit(tx, {
      actor: auditActor(viewer),
      action: "roster.professional_updated",
      target: { type: "Professional", id: input.professionalId },
      ip: input.ip,
      details: { establishmentId: input.establishmentId },
    });
    return { version: input.expectedVersion + 1 };
  });
}

/**
 * Why a record to change is not there: deleted meanwhile from this establishment (another tab, a
 * colleague), which the audit log says, or never visible here (the 404 of any unknown id).
 */
async function missingProfessional(tx: RosterWriter, establishmentId: string, professionalId: string): Promise<AppError> {
  const deletion = await tx.auditEvent.findFirst({
    where: { action: "roster.professional_deleted", targetType: "Professional", targetId: professionalId },
    orderBy: { at: "desc" },
    select: { at: true, actorId: true, details: true },
  });
  if ((deletion?.details as { establishmentId?: string } | undefined)?.establishmentId !== establishmentId)
    return new AppError("NOT_FOUND");
  const actor = deletion!.actorId ? await tx.user.findUnique({ where: { id: deletion!.actorId }, select: { displayName: true } }) : null;
  return new AppError("CONFLICT", deletedProfessionalMessage({ at: deletion!.at, by: actor?.displayName ?? null }));
}

/** What the person editing a record deleted meanwhile reads; their input stays in the form. */
export function deletedProfessionalMessage(deletion: { at: Date; by: string | null }): string {
  return `Cette fiche a été supprimée entre-temps${deletion.by ? ` par ${deletion.by}` : ""}, le ${formatParisDateTime(deletion.at)} : vos modifications ne sont pas enregistrées. La suppression est inscrite au journal d'audit ; vos saisies restent dans le formulaire.`;
}
