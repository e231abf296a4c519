import { recordAudit } from "@/lib/audit/record-audit";
import { authorizeEstablishment } from "@/lib/access/policy";
import { auditActor, type Viewer } from "@/lib/access/viewer";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import { AppError } from "@/lib/errors/app-error";
import { dayToDate, dayToIsoDate, toDay } from "@/lib/roster/dates";
import { recordIndicatorSnapshot } from "@/lib/roster/snapshots";
import { refuseFinessOfTheOtherKind } from "./finess-kinds";
import type { TEstablishmentProfileInput } from "./profile-schema";
import { DEPARTMENTS } from "./territories";

/** A date-only column as `AAAA-MM-JJ` for the audit entry, null kept. */
const isoDayOf = (date: Date | null) => (date === null ? null : dayToIsoDate(toDay(date)));

/**
 * Saves an establishment's profile and contacts, with optimistic concurrency on its version (two
 * members saving at once: the second is told), audited. The profile holds facts the roster's rules
 * read (AIR simplifié, the IdP's federation, the entitlement procedure): when one changes, the
 * day's figures are recorded again in the same transaction, as after a homologation.
 */
export async function updateEstablishmentProfile(
  viewer: Viewer,
  input: { establishmentId: string; expectedVersion: number; profile: TEstablishmentProfileInput; ip: string | null },
): Promise<{ version: number }> {
  authorizeEstablishment(viewer, input.establishmentId, "edit");
  const { contacts, entitlementProcedureInForce, entitlementProcedureAdoptedOn: adoptedOnText, ...profile } = input.profile;
  const entitlementProcedureAdoptedOn = entitlementProcedureInForce ? dayToDate(toDay(adoptedOnText)) : null;
  const regionCode = DEPARTMENTS[profile.departmentCode]![1];
  const category = await db.establishmentCategory.findUnique({ where: { code: profile.categoryCode }, select: { code: true } });
  if (!category)
    throw new AppError("INVALID_INPUT", undefined, { fieldErrors: { categoryCode: ["Choisissez une catégorie de la liste."] } });
  await refuseFinessOfTheOtherKind({ ...profile, establishmentId: input.establishmentId });
  try {
    return await db.$transaction(async (tx) => {
      const before = await tx.establishment.findUnique({
        where: { id: input.establishmentId },
        select: { usesAirSimplifie: true, idpFederatedWithPsc: true, entitlementProcedureAdoptedOn: true },
      });
      const updated = await tx.establishment.updateMany({
        where: { id: input.establishmentId, version: input.expectedVersion },
        data: {
          ...profile,
          siret: profile.siret || null,
          ght: profile.ght || null,
          regionCode,
          entitlementProcedureAdoptedOn,
          version: { increment: 1 },
        },
      });
      if (updated.count !== 1) {
        throw new AppError(
          "CONFLICT",
          "Le profil a été modifié par une autre personne pendant votre saisie. Rechargez la page pour voir ses modifications.",
        );
      }
      await tx.contact.deleteMany({ where: { establishmentId: input.establishmentId } });
      await tx.contact.createMany({
        data: contacts.map((contact) => ({ ...contact, phone: contact.phone || null, establishmentId: input.establishmentId })),
      });
      const procedure = { from: isoDayOf(before!.entitlementProcedureAdoptedOn), to: isoDayOf(entitlementProcedureAdoptedOn) };
      const procedureChanged = procedure.from !== procedure.to;
      if (
        procedureChanged ||
        before!.usesAirSimplifie !== profile.usesAirSimplifie ||
        before!.idpFederatedWithPsc !== profile.idpFederatedWithPsc
      ) {
        await recordIndicatorSnapshot(tx, input.establishmentId, "CHANGE");
      }
      await recordAudit(tx, {
        actor: auditActor(viewer),
        action: "establishment.updated",
        target: { type: "Establishment", id: input.establishmentId },
        ip: input.ip,
        details: {
          finessEt: profile.finessEt,
          finessEj: profile.finessEj,
          ...(procedureChanged ? { entitlementProcedureAdoptedOn: procedure } : {}),
        },
      });
      return { version: input.expectedVersion + 1 };
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new AppError("CONFLICT", "Ce numéro FINESS est déjà celui d'un autre établissement.", {
        fieldErrors: { finessEt: ["Ce numéro FINESS est déjà celui d'un autre établissement."] },
      });
    }
    throw error;
  }
}
