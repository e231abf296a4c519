import type { ProfessionalRecord } from "./template/columns";

/** A salaried nurse registered at the RPPS, with no MIE yet: the base of the form's and the saves' tests. */
export const professionalRecord = (changes: Partial<ProfessionalRecord> = {}): ProfessionalRecord => ({
  lastName: "MARTIN",
  firstName: "Léa",
  birthDate: null,
  population: "SALARIED",
  professionCode: "60",
  category: "CIVIL",
  rpps: null,
  rppsStatus: "REGISTERED",
  rppsCheckedAt: null,
  identityVerification: "NONE",
  activityStart: new Date("2024-01-01T00:00:00Z"),
  activityEnd: null,
  needsDmp: true,
  needsDpi: false,
  needsPscServices: false,
  needsSecureMessaging: false,
  enrollments: [],
  ...changes,
});
