/**
 * What the roster rules read: a professional with their MIE enrollments, and the establishment's
 * context. The shapes follow the Prisma models (Professional, MieEnrollment, MieHomologation,
 * Establishment), so rows loaded with `select` can be passed as they are; dates may be Dates
 * (UTC midnight, as Prisma returns `@db.Date`) or `AAAA-MM-JJ` strings.
 *
 * Public API: `RosterEnrollment`, `RosterProfessional`, `EstablishmentContext`,
 * `needsStrongAuthentication`.
 */
import type {
  IdentityVerification,
  MieType,
  Population,
  RppsStatus,
} from "@/lib/db/generated/enums";
import type { DayInput } from "./dates";

export type RosterEnrollment = {
  type: MieType;
  /** First day the MIE can be used. */
  enrolledAt: DayInput;
  /** First day the MIE no longer works (a card valid 3 years from 2023-03-01 expires 2026-03-01). */
  expiresAt: DayInput | null;
  /** First day the MIE no longer works after a revocation. */
  revokedAt: DayInput | null;
};

export type RosterProfessional = {
  rpps: string | null;
  rppsStatus: RppsStatus;
  /** Last check of the RPPS link (the RIE asks for one at least every two years). */
  rppsCheckedAt: DayInput | null;
  identityVerification: IdentityVerification;
  /** First day of activity in the establishment. */
  activityStart: DayInput;
  /** Last day of activity in the establishment (included); null while it goes on. */
  activityEnd: DayInput | null;
  needsDmp: boolean;
  needsDpi: boolean;
  needsPscServices: boolean;
  needsSecureMessaging: boolean;
  population: Population;
  professionCode: string;
  enrollments: readonly RosterEnrollment[];
};

export type EstablishmentContext = {
  /** Date of the establishment's homologation decision for each local MIE type it homologated. */
  homologations: Partial<Record<MieType, DayInput>>;
  /** The establishment's identity provider is federated with Pro Santé Connect. */
  idpFederatedWithPsc: boolean;
  /** The establishment reaches the DMP through AIR simplifié. */
  usesAirSimplifie: boolean;
};

/**
 * Whether the professional must authenticate with a RIE-compliant MIE: objective 2 covers whoever
 * reaches sensitive digital services outside the establishment's IS (the DMP, and secure messaging,
 * MSSanté, which is one of them), the DPI / DUI, or PSC services. Someone who uses none of them
 * (e.g. a night watchman without an account) is not asked for an MIE.
 */
export function needsStrongAuthentication(professional: RosterProfessional): boolean {
  return (
    professional.needsDmp ||
    professional.needsDpi ||
    professional.needsPscServices ||
    professional.needsSecureMessaging
  );
}
