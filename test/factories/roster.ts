import type { Db } from "@/lib/db/client";
import { withRppsKey } from "@/lib/identifiers/rpps";
import type { ProfessionalFacts } from "@/lib/roster/model";

/**
 * Test helper: a small roster that exercises every verdict (registered or not, a wrong RPPS key,
 * identity levels, a transition MIE after 2026, a homologated local MIE, an expired card, an e-CPS
 * without an RPPS number, a departure, a future arrival), as DB-free professionals and as rows to insert.
 */
export type RosterCase = ProfessionalFacts & { lastName: string; firstName: string };

const base: Omit<RosterCase, "lastName" | "firstName"> = {
  rpps: null,
  rppsStatus: "NOT_REGISTERED",
  rppsCheckedAt: null,
  identityVerification: "NONE",
  activityStart: "2020-01-01",
  activityEnd: null,
  needsDmp: false,
  needsDpi: false,
  needsPscServices: false,
  needsSecureMessaging: false,
  population: "SALARIED",
  professionCode: "60",
  enrollments: [],
};

const person = (lastName: string, overrides: Partial<RosterCase>): RosterCase => ({ ...base, lastName, firstName: "Test", ...overrides });

export const ROSTER_CASES: RosterCase[] = [
  person("Arnaud", {
    rpps: withRppsKey("1000000001"),
    rppsStatus: "REGISTERED",
    rppsCheckedAt: "2025-06-01",
    identityVerification: "FACE_TO_FACE",
    needsDmp: true,
    professionCode: "10",
    enrollments: [{ type: "E_CPS", enrolledAt: "2024-01-01", expiresAt: null, revokedAt: null }],
  }),
  person("Bernard", {
    rpps: withRppsKey("1000000002"),
    rppsStatus: "REGISTERED",
    rppsCheckedAt: "2025-01-10",
    identityVerification: "FRANCECONNECT_PLUS",
    needsDpi: true,
    enrollments: [{ type: "FIDO2_LOCAL", enrolledAt: "2025-02-01", expiresAt: null, revokedAt: null }],
  }),
  person("Chevalier", {
    // Wrong key: not registered whatever the status says.
    rpps: `${withRppsKey("1000000003").slice(0, 10)}${(Number(withRppsKey("1000000003").slice(10)) + 1) % 10}`,
    rppsStatus: "REGISTERED",
    identityVerification: "REMOTE_ID_SCAN",
    needsDpi: true,
    population: "TEMPORARY",
    enrollments: [{ type: "OTP_SMS_EMAIL", enrolledAt: "2023-01-01", expiresAt: null, revokedAt: null }],
  }),
  person("Dupont", {
    rppsStatus: "REQUESTED",
    identityVerification: "PVID_SUBSTANTIAL",
    needsDmp: true,
    population: "INTERN",
    professionCode: "10",
    enrollments: [
      { type: "CPS", enrolledAt: "2022-01-01", expiresAt: "2026-12-01", revokedAt: null },
      { type: "PASSWORD", enrolledAt: "2020-01-01", expiresAt: null, revokedAt: null },
    ],
  }),
  person("Etienne", {
    // Not registered, yet an e-CPS (which comes with the RPPS number): it counts for nothing.
    activityEnd: "2026-01-31",
    needsSecureMessaging: true,
    enrollments: [{ type: "E_CPS", enrolledAt: "2024-01-01", expiresAt: null, revokedAt: null }],
  }),
  person("Fabre", { activityStart: "2027-03-01", population: "TRAINEE", needsDmp: true }),
  person("Garnier", {
    rpps: withRppsKey("1000000007"),
    rppsStatus: "REGISTERED",
    rppsCheckedAt: "2024-02-01",
    identityVerification: "CNIE_CHIP",
    needsPscServices: true,
    population: "SELF_EMPLOYED",
    enrollments: [{ type: "PLATFORM_AUTH", enrolledAt: "2025-05-01", expiresAt: null, revokedAt: "2027-01-15" }],
  }),
];

/** The establishment's context that goes with ROSTER_CASES: FIDO2_LOCAL homologated, PLATFORM_AUTH too, IdP federated. */
export const ROSTER_HOMOLOGATIONS = [
  { type: "FIDO2_LOCAL" as const, decidedAt: "2025-01-15" },
  { type: "PLATFORM_AUTH" as const, decidedAt: "2025-04-01" },
];

const date = (value: ProfessionalFacts["activityStart"] | null) =>
  value === null ? null : typeof value === "string" ? new Date(`${value}T00:00:00Z`) : value;

/** Inserts ROSTER_CASES (or `cases`) into an establishment, with their enrollments and its homologations. */
export async function insertRoster(
  db: Db,
  establishmentId: string,
  cases: readonly RosterCase[] = ROSTER_CASES,
  withHomologations = true,
): Promise<string[]> {
  if (withHomologations) {
    await db.mieHomologation.createMany({
      data: ROSTER_HOMOLOGATIONS.map((homologation) => ({
        establishmentId,
        type: homologation.type,
        decidedAt: date(homologation.decidedAt)!,
      })),
    });
  }
  const ids: string[] = [];
  for (const { enrollments, ...professional } of cases) {
    const row = await db.professional.create({
      data: {
        ...professional,
        establishmentId,
        rppsCheckedAt: date(professional.rppsCheckedAt),
        activityStart: date(professional.activityStart)!,
        activityEnd: date(professional.activityEnd),
        enrollments: {
          create: enrollments.map((enrollment) => ({
            type: enrollment.type,
            enrolledAt: date(enrollment.enrolledAt)!,
            expiresAt: date(enrollment.expiresAt),
            revokedAt: date(enrollment.revokedAt),
          })),
        },
      },
      select: { id: true },
    });
    ids.push(row.id);
  }
  return ids;
}
