/**
 * What the roster rules read: a professional with their MIE enrollments, and the establishment's
 * context. The shapes follow the Prisma models (Professional, MieEnrollment, MieHomologation,
 * Establishment), so rows loaded with `select` can be passed as they are; dates may be Dates
 * (UTC midnight, as Prisma returns `@db.Date`) or `AAAA-MM-JJ` strings.
 *
 * Public API: `EnrollmentFacts`, `ProfessionalFacts`, `EstablishmentContext`,
 * `needsStrongAuthentication`.
 *
 * A professional has four shapes; use the one that stands for what you hold:
 *
 * | type                          | what it is                                                       | where                          |
 * |-------------------------------|------------------------------------------------------------------|--------------------------------|
 * | `ProfessionalFacts`           | what the rules (compliance, indicators) read; no name, no id     | here                           |
 * | `ProfessionalRecord`          | a whole professional as written: form, file, row without its id  | lib/roster/template/columns.ts |
 * | `ImportedRow`                 | a line read from a file: a template row or a directory row       | lib/roster/import/types.ts     |
 * | `RosterTableRow`              | a row of the roster's table, as the page shows it (French text)  | lib/roster/list-professionals.ts |
 *
 * `StoredProfessional` (a `ProfessionalRecord` with its id and version) is what an import compares
 * its rows with; `ProfessionalCompliance` is the verdict on one professional; `ComplianceGap` is one
 * thing a professional lacks, with the next step (a dossier's own gaps are `MissingItem`s of
 * lib/applications). « Snapshot » means only the roster's frozen figures (`IndicatorSnapshot`, daily
 * and at submission); the dossier as loaded at one moment is a `LoadedDossier`.
 */
import type { IdentityVerification, MieType, Population, RppsStatus } from "@/lib/db/generated/enums";
import type { DayInput } from "./dates";

export type EnrollmentFacts = {
  type: MieType;
  /** First day the MIE can be used. */
  enrolledAt: DayInput;
  /** First day the MIE no longer works (a card valid 3 years from 2023-03-01 expires 2026-03-01). */
  expiresAt: DayInput | null;
  /** First day the MIE no longer works after a revocation. */
  revokedAt: DayInput | null;
};

export type ProfessionalFacts = {
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
  enrollments: readonly EnrollmentFacts[];
};

export type EstablishmentContext = {
  /** Date of the establishment's homologation decision for each local MIE type it homologated. */
  homologations: Partial<Record<MieType, DayInput>>;
  /** The establishment's identity provider is federated with Pro Santé Connect. */
  idpFederatedWithPsc: boolean;
  /** The establishment reaches the DMP through AIR simplifié. */
  usesAirSimplifie: boolean;
  /**
   * The day the establishment adopted its procedure to check and update entitlements and activity
   * starts and ends (objective 1); null while it has none.
   */
  entitlementProcedureAdoptedOn: DayInput | null;
};

/**
 * Whether the professional must authenticate with a RIE-compliant MIE: objective 2 covers whoever
 * reaches sensitive digital services outside the establishment's IS (the DMP, and secure messaging,
 * MSSanté, which is one of them), the DPI / DUI, or PSC services. Someone who uses none of them
 * (e.g. a night watchman without an account) is not asked for an MIE.
 */
export function needsStrongAuthentication(professional: ProfessionalFacts): boolean {
  return professional.needsDmp || professional.needsDpi || professional.needsPscServices || professional.needsSecureMessaging;
}
