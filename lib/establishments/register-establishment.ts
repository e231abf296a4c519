import { requirePermission } from "@/lib/access/policy";
import { auditActor, type Viewer } from "@/lib/access/viewer";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db/client";
import { isUniqueViolation } from "@/lib/db/prisma-errors";
import { AppError } from "@/lib/errors/app-error";
import { invitationAuthor, writeInvitation } from "@/lib/identity/invitations";
import { consumeLinkSent } from "@/lib/identity/rate-limits";
import { requestDelivery } from "@/lib/jobs/worker";
import { refuseFinessOfTheOtherKind } from "./finess-kinds";
import type { TEstablishmentRegistrationInput } from "./registration-schema";
import { DEPARTMENTS } from "./territories";

/**
 * A programme manager registers a candidate establishment and invites its director, in one
 * transaction: no establishment without its director's invitation, no invitation to an
 * establishment that was not written. The director completes the profile and files the dossier.
 */
export async function registerEstablishment(
  viewer: Viewer,
  input: TEstablishmentRegistrationInput,
  ip: string | null,
): Promise<{ establishmentId: string }> {
  requirePermission(viewer, "establishment:register");
  const { directorEmail, ...identity } = input;
  const [category, sameFiness] = await Promise.all([
    db.establishmentCategory.findUnique({ where: { code: identity.categoryCode }, select: { code: true } }),
    db.establishment.findUnique({ where: { finessEt: identity.finessEt }, select: { name: true } }),
  ]);
  if (!category)
    throw new AppError("INVALID_INPUT", undefined, { fieldErrors: { categoryCode: ["Choisissez une catégorie de la liste."] } });
  if (sameFiness) throw alreadyRegistered(identity.finessEt, sameFiness.name);
  await refuseFinessOfTheOtherKind(identity);
  // The director's invitation counts with the manager's other invitations.
  await consumeLinkSent(viewer.userId, ip);

  const establishmentId = await db
    .$transaction(async (tx) => {
      const { id } = await tx.establishment.create({
        data: { ...identity, siret: identity.siret || null, regionCode: DEPARTMENTS[identity.departmentCode]![1] },
        select: { id: true },
      });
      await recordAudit(tx, {
        actor: auditActor(viewer),
        action: "establishment.registered",
        target: { type: "Establishment", id },
        ip,
        details: { name: identity.name, finessEt: identity.finessEt, directorEmail },
      });
      await writeInvitation(
        tx,
        { purpose: "MEMBER", email: directorEmail, establishmentId: id, membershipRole: "DIRECTOR" },
        invitationAuthor(viewer),
        ip,
        "directorEmail",
      );
      return id;
    })
    // Registered by someone else since the check above.
    .catch((error: unknown) => {
      throw isUniqueViolation(error) ? alreadyRegistered(identity.finessEt, identity.name) : error;
    });
  requestDelivery();
  return { establishmentId };
}

function alreadyRegistered(finessEt: string, name: string): AppError {
  const message = `L'établissement FINESS ${finessEt} est déjà inscrit : « ${name} ». Invitez sa direction depuis la page de son équipe.`;
  return new AppError("CONFLICT", message, { fieldErrors: { finessEt: [message] } });
}
