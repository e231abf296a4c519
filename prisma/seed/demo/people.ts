import type { Db } from "@/lib/db/client";
import type { MieType } from "@/lib/db/generated/enums";
import { withFinessKey } from "@/lib/identifiers/finess";
import { withRppsKey } from "@/lib/identifiers/rpps";
import { isValidSiren, withSiretKey } from "@/lib/identifiers/siret";
import { DEPARTMENTS } from "@/lib/establishments/territories";
import { DEMO_ESTABLISHMENTS, type DemoEstablishment } from "./establishments";
import { chance, claimed, digits, faker, pick } from "./random";

export const DEMO_EMAIL_DOMAIN = "demo.hospiconnect.test";

function demoEmail(firstName: string, lastName: string): string {
  const usedEmails = claimed("email");
  const base = `${firstName}.${lastName}`
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z.]/g, "");
  for (let n = 1; ; n++) {
    const email = `${base}${n === 1 ? "" : n}@${DEMO_EMAIL_DOMAIN}`;
    if (!usedEmails.has(email)) {
      usedEmails.add(email);
      return email;
    }
  }
}

/** A FINESS starts with the department code (three characters overseas). */
function finessFor(departmentCode: string): string {
  return withFinessKey(departmentCode + digits(8 - departmentCode.length));
}

/** A SIRET whose first nine digits are a valid SIREN (never a real one: random). */
export function siret(): string {
  let siren: string;
  do siren = digits(8) + String(faker.number.int(9));
  while (!isValidSiren(siren));
  return withSiretKey(siren + digits(4));
}

export type SeededEstablishment = DemoEstablishment & { id: string; localMie: MieType | null };

export async function seedEstablishments(db: Db): Promise<SeededEstablishment[]> {
  const seeded: SeededEstablishment[] = [];
  for (const establishment of DEMO_ESTABLISHMENTS) {
    const region = DEPARTMENTS[establishment.departmentCode]?.[1];
    if (!region) throw new Error(`Unknown department ${establishment.departmentCode}`);
    const isHospital = ["101", "106", "292", "355"].includes(establishment.categoryCode);
    const localMie: MieType | null = chance(isHospital ? 0.7 : 0.3)
      ? pick<MieType>([
          ["FIDO2_LOCAL", 4],
          ["PLATFORM_AUTH", 3],
          ["SMART_CARD_LOCAL", 2],
          ["TOTP_APP", 1],
        ])
      : null;
    const directorFirst = faker.person.firstName();
    const directorLast = faker.person.lastName();
    const { id } = await db.establishment.create({
      data: {
        name: establishment.name,
        finessEt: finessFor(establishment.departmentCode),
        finessEj: finessFor(establishment.departmentCode),
        siret: siret(),
        categoryCode: establishment.categoryCode,
        regionCode: region,
        departmentCode: establishment.departmentCode,
        city: establishment.city,
        headcount: Math.round(establishment.staff * faker.number.float({ min: 1, max: 1.15 })),
        ght: establishment.ght ?? null,
        usesAirSimplifie: !isHospital && chance(0.3),
        idpFederatedWithPsc: isHospital && establishment.maturity >= 0.7,
        // The most advanced have had their entitlement procedure (objective 1) for long, some adopted
        // it during the programme, the others have none yet. No random draw: the demo's other data
        // stay as they were.
        entitlementProcedureAdoptedOn:
          establishment.maturity >= 0.5 ? new Date("2024-10-01") : establishment.maturity >= 0.4 ? new Date("2026-03-02") : null,
        contacts: {
          create: {
            fullName: `${directorFirst} ${directorLast}`,
            role: isHospital ? "Directeur ou directrice des systèmes d'information" : "Directeur ou directrice",
            email: demoEmail(directorFirst, directorLast),
            phone: `0${faker.number.int({ min: 1, max: 5 })}${digits(8)}`,
          },
        },
        homologations:
          localMie && chance(0.7)
            ? {
                create: {
                  type: localMie,
                  decidedAt: new Date("2025-09-01"),
                  reference: `Décision d'homologation ${faker.number.int({ min: 1, max: 99 })}/2025`,
                },
              }
            : undefined,
      },
      select: { id: true },
    });
    seeded.push({ ...establishment, id, localMie });
  }
  return seeded;
}

export type DemoPeople = {
  managerId: string;
  reviewerIds: string[];
  /** Director (first member) of each establishment, by establishment id. */
  directorIds: Map<string, string>;
};

export async function seedPeople(db: Db, establishments: SeededEstablishment[]): Promise<DemoPeople> {
  const manager = await db.user.create({
    data: { email: `claire.dumont@${DEMO_EMAIL_DOMAIN}`, displayName: "Claire Dumont", staffRole: "PROGRAMME_MANAGER" },
    select: { id: true },
  });
  claimed("email").add(`claire.dumont@${DEMO_EMAIL_DOMAIN}`);
  const reviewerIds: string[] = [];
  for (const [first, last] of [
    ["Karim", "Benali"],
    ["Sophie", "Lefèvre"],
    ["Thomas", "Nguyen"],
  ] as const) {
    const reviewer = await db.user.create({
      data: { email: demoEmail(first, last), displayName: `${first} ${last}`, staffRole: "REVIEWER" },
      select: { id: true },
    });
    reviewerIds.push(reviewer.id);
  }

  const directorIds = new Map<string, string>();
  for (const [index, establishment] of establishments.entries()) {
    const first = faker.person.firstName();
    const last = faker.person.lastName();
    const director = await db.user.create({
      data: {
        email: demoEmail(first, last),
        displayName: `${first} ${last}`,
        // Directors of larger structures often hold an RPPS (RPPS+ role 359) and sign in with PSC.
        rpps: index % 3 === 0 ? withRppsKey(`19${digits(8)}`) : null,
        memberships: { create: { establishmentId: establishment.id, role: "DIRECTOR" } },
      },
      select: { id: true },
    });
    directorIds.set(establishment.id, director.id);
    if (index % 4 === 1) {
      const editorFirst = faker.person.firstName();
      const editorLast = faker.person.lastName();
      await db.user.create({
        data: {
          email: demoEmail(editorFirst, editorLast),
          displayName: `${editorFirst} ${editorLast}`,
          memberships: { create: { establishmentId: establishment.id, role: "EDITOR" } },
        },
      });
    }
  }
  return { managerId: manager.id, reviewerIds, directorIds };
}
