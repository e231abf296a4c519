import { recordAudit } from "@/lib/audit/record-audit";
import { authorizeEstablishment } from "@/lib/access/policy";
import { auditActor, type Viewer } from "@/lib/access/viewer";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import { AppError } from "@/lib/errors/app-error";
import { refuseFinessOfTheOtherKind } from "./finess-kinds";
import type { TEstablishmentProfileInput } from "./profile-schema";
import { DEPARTMENTS } from "./territories";

/**
 * Saves an establishment's profile and contacts, with optimistic concurrency on its version (two
 * members saving at once: the second is told), audited.
 */
export async function updateEstablishmentProfile(
  viewer: Viewer,
  input: { establishmentId: string; expectedVersion: number; profile: TEstablishmentProfileInput; ip: string | null },
): Promise<{ version: number }> {
  authorizeEstablishment(viewer, input.establishmentId, "edit");
  const { contacts, ...profile } = input.profile;
  const regionCode = DEPARTMENTS[profile.departmentCode]![1];
  const category = await db.establishmentCategory.findUnique({ where: { code: profile.categoryCode }, select: { code: true } });
  if (!category)
    throw new AppError("INVALID_INPUT", undefined, { fieldErrors: { categoryCode: ["Choisissez une catégorie de la liste."] } });
  await refuseFinessOfTheOtherKind({ ...profile, establishmentId: input.establishmentId });
  try {
    return await db.$transaction(async (tx) => {
      const updated = await tx.establishment.updateMany({
        where: { id: input.establishmentId, version: input.expectedVersion },
        data: { ...profile, siret: profile.siret || null, ght: profile.ght || null, regionCode, version: { increment: 1 } },
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
      await recordAudit(tx, {
        actor: auditActor(viewer),
        action: "establishment.updated",
        target: { type: "Establishment", id: input.establishmentId },
        ip: input.ip,
        details: { finessEt: profile.finessEt, finessEj: profile.finessEj },
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
