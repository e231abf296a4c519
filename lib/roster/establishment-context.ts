import type { MieType } from "@/lib/db/generated/enums";
import type { EstablishmentContext } from "./model";

/** What the rules read of an establishment, as a Prisma `select`, and its conversion. */
export const ESTABLISHMENT_CONTEXT_SELECT = {
  usesAirSimplifie: true,
  idpFederatedWithPsc: true,
  entitlementProcedureAdoptedOn: true,
  homologations: { select: { type: true, decidedAt: true } },
} as const;

export function toEstablishmentContext(row: {
  usesAirSimplifie: boolean;
  idpFederatedWithPsc: boolean;
  entitlementProcedureAdoptedOn: Date | null;
  homologations: ReadonlyArray<{ type: MieType; decidedAt: Date }>;
}): EstablishmentContext {
  const homologations: EstablishmentContext["homologations"] = {};
  for (const homologation of row.homologations) homologations[homologation.type] = homologation.decidedAt;
  return {
    homologations,
    usesAirSimplifie: row.usesAirSimplifie,
    idpFederatedWithPsc: row.idpFederatedWithPsc,
    entitlementProcedureAdoptedOn: row.entitlementProcedureAdoptedOn,
  };
}
