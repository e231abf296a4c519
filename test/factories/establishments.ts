import type { Db } from "@/lib/db/client";
import { withFinessKey } from "@/lib/identifiers/finess";
import { withSiretKey } from "@/lib/identifiers/siret";
import { createUser } from "./people";

/**
 * Numbers of FINESS and SIRET no other establishment of the run has. In e2e, several processes write
 * to one database: each Playwright worker counts in a block of its own (TEST_WORKER_INDEX, a new one
 * for a worker started again after a failure), from a random point of it, within the six digits a
 * FINESS leaves after the department.
 */
const BLOCKS = 8;
const BLOCK_SIZE = 40_000;
let counter = ((Number(process.env.TEST_WORKER_INDEX ?? 0) % BLOCKS) * BLOCK_SIZE + Math.floor(Math.random() * (BLOCK_SIZE / 4))) * 3;

export type EstablishmentOptions = {
  name?: string;
  /** 500: EHPAD, 202: résidence autonomie… */
  categoryCode?: string;
  regionCode?: string;
  departmentCode?: string;
  finessEj?: string;
  siret?: string;
  headcount?: number;
};

export async function createEstablishment(db: Db, options: EstablishmentOptions = {}) {
  counter += 3;
  const department = options.departmentCode ?? "79";
  return db.establishment.create({
    data: {
      name: options.name ?? `EHPAD ${counter}`,
      finessEt: withFinessKey(`${department}${String(counter).padStart(6, "0")}`),
      finessEj: options.finessEj ?? withFinessKey(`${department}${String(counter + 1).padStart(6, "0")}`),
      siret: options.siret ?? withSiretKey(`${String(counter).padStart(9, "0")}0001`),
      categoryCode: options.categoryCode ?? "500",
      regionCode: options.regionCode ?? "75",
      departmentCode: department,
      city: "Niort",
      headcount: options.headcount ?? 30,
    },
    select: {
      id: true,
      name: true,
      finessEt: true,
      finessEj: true,
      siret: true,
      categoryCode: true,
      regionCode: true,
      departmentCode: true,
    },
  });
}

/** An establishment and its director, as a viewer. */
export async function establishmentWithDirector(db: Db, options: EstablishmentOptions = {}) {
  const establishment = await createEstablishment(db, options);
  const { viewer: director } = await createUser(db, { establishmentId: establishment.id, name: "Directrice" });
  return { establishment, director };
}
