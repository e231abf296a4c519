import type { ProfessionalRecord } from "@/lib/roster/template/columns";
import type { IdentityVerification, MieType, Population, RppsStatus } from "@/lib/db/generated/enums";
import { withRppsKey } from "@/lib/identifiers/rpps";
import type { DemoEstablishment } from "./establishments";
import { chance, claimed, dateBetween, digits, faker, pick } from "./random";

type Weighted<T> = ReadonlyArray<readonly [T, number]>;

/** Profession mixes by kind of structure (codes from the Profession reference table). */
const PROFESSION_MIX: Record<string, Weighted<string>> = {
  hospital: [
    ["10", 15],
    ["60", 33],
    ["313", 22],
    ["21", 3],
    ["70", 4],
    ["98", 4],
    ["50", 3],
    ["331", 6],
    ["86", 5],
    ["93", 2],
    ["41", 3],
  ],
  ehpad: [
    ["313", 40],
    ["60", 15],
    ["328", 18],
    ["10", 3],
    ["93", 3],
    ["367", 5],
    ["368", 4],
    ["94", 3],
    ["359", 2],
    ["70", 4],
    ["331", 3],
  ],
  disability: [
    ["326", 25],
    ["324", 20],
    ["328", 18],
    ["313", 14],
    ["60", 8],
    ["93", 5],
    ["96", 4],
    ["41", 3],
    ["94", 2],
    ["359", 1],
  ],
  home: [
    ["313", 50],
    ["60", 20],
    ["372", 15],
    ["371", 12],
    ["359", 3],
  ],
  social: [
    ["326", 30],
    ["41", 25],
    ["324", 20],
    ["368", 15],
    ["359", 10],
  ],
  therapy: [
    ["93", 30],
    ["91", 20],
    ["96", 20],
    ["10", 10],
    ["41", 10],
    ["331", 10],
  ],
};

const MIX_BY_CATEGORY: Record<string, keyof typeof PROFESSION_MIX> = {
  "101": "hospital",
  "106": "hospital",
  "292": "hospital",
  "355": "hospital",
  "500": "ehpad",
  "202": "ehpad",
  "183": "disability",
  "186": "disability",
  "192": "disability",
  "182": "disability",
  "255": "disability",
  "437": "disability",
  "448": "disability",
  "246": "disability",
  "445": "disability",
  "446": "disability",
  "354": "home",
  "209": "home",
  "460": "home",
  "214": "social",
  "189": "therapy",
};

const PRESCRIBERS = new Set(["10", "21", "50", "40"]);
const CLINICAL = new Set(["10", "21", "50", "60", "69", "70", "98", "86", "313", "315", "93", "94", "96", "91"]);
const isRppsPlusRole = (code: string) => code.length === 3;

/** A roster row as the Professional table holds it (the template's record, without its MIE list). */
export type DemoProfessional = Omit<ProfessionalRecord, "enrollments" | "birthDate"> & {
  id: string;
  establishmentId: string;
  birthDate: Date;
};

export type DemoEnrollment = {
  professionalId: string;
  type: MieType;
  enrolledAt: Date;
  expiresAt: Date | null;
  revokedAt: Date | null;
};

function newRpps(): string {
  const usedRpps = claimed("rpps");
  for (;;) {
    const rpps = withRppsKey(`10${digits(8)}`);
    if (!usedRpps.has(rpps)) {
      usedRpps.add(rpps);
      return rpps;
    }
  }
}

function population(isHospital: boolean): Population {
  return isHospital
    ? pick<Population>([
        ["SALARIED", 70],
        ["SELF_EMPLOYED", 10],
        ["INTERN", 8],
        ["TEMPORARY", 7],
        ["TRAINEE", 5],
      ])
    : pick<Population>([
        ["SALARIED", 85],
        ["TEMPORARY", 8],
        ["TRAINEE", 5],
        ["SELF_EMPLOYED", 2],
      ]);
}

function registration(professionCode: string, maturity: number): RppsStatus {
  if (!isRppsPlusRole(professionCode)) return chance(0.96) ? "REGISTERED" : "REQUESTED";
  if (chance(maturity)) return "REGISTERED";
  return chance(0.25) ? "REQUESTED" : "NOT_REGISTERED";
}

function identityCheck(status: RppsStatus, professionCode: string): IdentityVerification {
  if (status !== "REGISTERED")
    return pick<IdentityVerification>([
      ["NONE", 70],
      ["REMOTE_ID_SCAN", 30],
    ]);
  return isRppsPlusRole(professionCode)
    ? pick<IdentityVerification>([
        ["FRANCECONNECT_PLUS", 40],
        ["FACE_TO_FACE", 35],
        ["REMOTE_ID_SCAN", 15],
        ["PVID_SUBSTANTIAL", 10],
      ])
    : pick<IdentityVerification>([
        ["FACE_TO_FACE", 50],
        ["FRANCECONNECT_PLUS", 20],
        ["PVID_SUBSTANTIAL", 10],
        ["REMOTE_ID_SCAN", 10],
        ["CNIE_CHIP", 5],
        ["NONE", 5],
      ]);
}

function enrollmentsFor(professional: DemoProfessional, maturity: number, localMie: MieType | null): DemoEnrollment[] {
  const result: DemoEnrollment[] = [];
  const add = (type: MieType, from: string, to: string, validityYears?: number) => {
    const enrolledAt = dateBetween(from, to);
    const expiresAt = validityYears
      ? new Date(Date.UTC(enrolledAt.getUTCFullYear() + validityYears, enrolledAt.getUTCMonth(), enrolledAt.getUTCDate()))
      : null;
    result.push({ professionalId: professional.id, type, enrolledAt, expiresAt, revokedAt: null });
  };
  const registered = professional.rppsStatus === "REGISTERED";
  const code = professional.professionCode;

  if (registered && PRESCRIBERS.has(code) && chance(0.8)) add("CPS", "2021-01-01", "2026-09-30", 3);
  if (registered && (code === "60" || code === "69") && chance(0.4)) add("CPS", "2021-06-01", "2026-09-30", 3);
  if (registered && chance(isRppsPlusRole(code) ? 0.35 + maturity * 0.5 : 0.6)) add("E_CPS", "2022-01-01", "2026-10-31");
  if (registered && chance(0.12 * maturity)) add("FIDO2_PSC", "2026-01-15", "2026-10-31");
  if (localMie && chance(0.3 + maturity * 0.3)) add(localMie, "2024-01-01", "2026-10-31");
  if (chance(0.25)) add("OTP_SMS_EMAIL", "2022-01-01", "2025-12-15");
  if (result.length === 0 || chance(0.5)) add("PASSWORD", "2019-01-01", "2024-12-31");
  return result;
}

/** The roster of one establishment, with a realistic spread of RPPS and MIE status. */
export function demoRoster(
  establishment: DemoEstablishment,
  establishmentId: string,
  localMie: MieType | null,
): { professionals: DemoProfessional[]; enrollments: DemoEnrollment[] } {
  const mix = PROFESSION_MIX[MIX_BY_CATEGORY[establishment.categoryCode] ?? "ehpad"] ?? [];
  const isHospital = MIX_BY_CATEGORY[establishment.categoryCode] === "hospital";
  const professionals: DemoProfessional[] = [];
  const enrollments: DemoEnrollment[] = [];

  for (let i = 0; i < establishment.staff; i++) {
    const professionCode = pick(mix);
    const sex = faker.person.sexType();
    const pop = population(isHospital);
    const rppsStatus = registration(professionCode, establishment.maturity);
    const activityStart = dateBetween(pop === "SALARIED" ? "2004-01-01" : "2025-06-01", "2026-11-01");
    const ended = chance(0.06);
    // Of age when they started (the form and the import refuse a birth under 15 years before the start).
    const latestBirth = [`${activityStart.getUTCFullYear() - 18}-12-31`, "2005-12-31"].sort()[0]!;
    const professional: DemoProfessional = {
      id: faker.string.uuid(),
      establishmentId,
      lastName: faker.person.lastName().toUpperCase(),
      firstName: faker.person.firstName(sex),
      birthDate: dateBetween(pop === "INTERN" || pop === "TRAINEE" ? "1996-01-01" : "1962-01-01", latestBirth),
      population: pop,
      professionCode,
      category: pop === "INTERN" || pop === "TRAINEE" ? "STUDENT" : isHospital && chance(0.6) ? "PUBLIC_AGENT" : "CIVIL",
      rpps: rppsStatus === "REGISTERED" || (rppsStatus === "REQUESTED" && chance(0.2)) ? newRpps() : null,
      rppsStatus,
      rppsCheckedAt: rppsStatus === "REGISTERED" ? dateBetween("2023-06-01", "2026-11-01") : null,
      identityVerification: identityCheck(rppsStatus, professionCode),
      activityStart,
      activityEnd: ended ? dateBetween(activityStart.toISOString().slice(0, 10), "2026-11-20") : null,
      needsDmp: PRESCRIBERS.has(professionCode) || professionCode === "60" || (CLINICAL.has(professionCode) && chance(0.3)),
      needsDpi: CLINICAL.has(professionCode) || chance(0.5),
      needsPscServices: !isRppsPlusRole(professionCode) || chance(0.3),
      needsSecureMessaging: PRESCRIBERS.has(professionCode) || ["60", "331", "41"].includes(professionCode),
    };
    professionals.push(professional);
    enrollments.push(...enrollmentsFor(professional, establishment.maturity, localMie));
  }
  return { professionals, enrollments };
}
