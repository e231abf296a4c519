import { DEMO_ESTABLISHMENTS } from "@/prisma/seed/demo/establishments";
import { type DemoEnrollment, type DemoProfessional, demoRoster } from "@/prisma/seed/demo/roster";
import { withFinessKey } from "@/lib/identifiers/finess";
import type { Db } from "@/lib/db/client";

export type Dataset = { establishmentIds: string[]; professionals: DemoProfessional[]; enrollments: DemoEnrollment[] };

/**
 * Creates `establishments` establishments (cycling through the demo ones for their kind and
 * maturity) and generates `professionals` roster rows spread evenly across them, not yet inserted.
 */
export async function generateDataset(db: Db, establishments: number, professionals: number): Promise<Dataset> {
  const establishmentIds: string[] = [];
  const roster: DemoProfessional[] = [];
  const enrollments: DemoEnrollment[] = [];
  const perEstablishment = Math.ceil(professionals / establishments);
  for (let index = 0; index < establishments; index++) {
    const template = DEMO_ESTABLISHMENTS[index % DEMO_ESTABLISHMENTS.length]!;
    const { id } = await db.establishment.create({
      data: {
        name: `${template.name} (${index + 1})`,
        finessEt: withFinessKey(`${String(10 + (index % 85)).padStart(2, "0")}${String(index).padStart(6, "0")}`),
        finessEj: withFinessKey(`${String(10 + (index % 85)).padStart(2, "0")}9${String(index).padStart(5, "0")}`),
        categoryCode: template.categoryCode,
        regionCode: "11",
        departmentCode: "75",
        city: template.city,
        headcount: perEstablishment,
      },
      select: { id: true },
    });
    establishmentIds.push(id);
    const count = Math.min(perEstablishment, professionals - roster.length);
    const generated = demoRoster({ ...template, staff: count }, id, "FIDO2_LOCAL");
    roster.push(...generated.professionals);
    enrollments.push(...generated.enrollments);
  }
  return { establishmentIds, professionals: roster, enrollments };
}
