import { authorizeEstablishment } from "@/lib/access/policy";
import type { Viewer } from "@/lib/access/viewer";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { AppError } from "@/lib/errors/app-error";
import { usableLinkWhere } from "@/lib/identity/single-use-link";

/**
 * The establishments the viewer is a member of, by name. Only those, whoever the viewer is: a
 * programme manager may read every establishment, but « Mes établissements » listing them all
 * would be tens of thousands of lines at national scale.
 */
export function listMyEstablishments(viewer: Viewer) {
  return db.establishment.findMany({
    where: { id: { in: viewer.memberships.map((membership) => membership.establishmentId) } },
    orderBy: { name: "asc" },
    select: { id: true, name: true, city: true, departmentCode: true, finessEt: true, category: { select: { label: true } } },
  });
}

/** The profile's lines, as the establishment's pages show them. */
export const ESTABLISHMENT_PROFILE_SELECT = {
  id: true,
  name: true,
  finessEt: true,
  finessEj: true,
  siret: true,
  city: true,
  regionCode: true,
  departmentCode: true,
  headcount: true,
  ght: true,
} as const satisfies Prisma.EstablishmentSelect;

/** One establishment's profile and team, for a member or a programme manager. */
export async function getEstablishment(viewer: Viewer, establishmentId: string) {
  authorizeEstablishment(viewer, establishmentId, "read");
  const establishment = await db.establishment.findUnique({
    where: { id: establishmentId },
    select: {
      ...ESTABLISHMENT_PROFILE_SELECT,
      usesAirSimplifie: true,
      idpFederatedWithPsc: true,
      entitlementProcedureAdoptedOn: true,
      version: true,
      category: { select: { code: true, label: true, sector: true } },
      contacts: { select: { id: true, fullName: true, role: true, email: true, phone: true } },
      memberships: {
        orderBy: { createdAt: "asc" },
        select: { role: true, createdAt: true, user: { select: { id: true, displayName: true, email: true, staffRole: true } } },
      },
      invitations: {
        where: usableLinkWhere(new Date()),
        orderBy: { createdAt: "desc" },
        select: { id: true, email: true, expiresAt: true, membershipRole: true, invitedById: true },
      },
    },
  });
  if (!establishment) throw new AppError("NOT_FOUND");
  return establishment;
}

/** The same, for a page that edits the establishment (its profile, its roster): refused to a reader. */
export async function getEditableEstablishment(viewer: Viewer, establishmentId: string) {
  authorizeEstablishment(viewer, establishmentId, "edit");
  return getEstablishment(viewer, establishmentId);
}
