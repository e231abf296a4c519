import { randomUUID } from "node:crypto";
import type { Viewer } from "@/lib/access/viewer";
import type { Db } from "@/lib/db/client";
import { withFinessKey } from "@/lib/identifiers/finess";
import { DEFAULT_CRITERIA, DEFAULT_OBJECTIVES } from "../programme-defaults";
import type { TCreateWaveInput } from "../schemas";

/** Test helper: people, establishments and wave forms for the integration tests of lib/campaigns. */

let finessCounter = 100_000 + Math.floor(Math.random() * 800_000);

export async function programmeManager(db: Db): Promise<Viewer> {
  const user = await db.user.create({
    data: { email: `pilote.${randomUUID().slice(0, 8)}@test.fr`, displayName: "Claire Pilote", staffRole: "PROGRAMME_MANAGER" },
    select: { id: true, email: true, displayName: true },
  });
  return { userId: user.id, email: user.email, displayName: user.displayName, staffRole: "PROGRAMME_MANAGER", memberships: [], sessionId: randomUUID() };
}

/** An establishment of `categoryCode` (500: EHPAD, 202: résidence autonomie…) and its director, as a viewer. */
export async function establishmentWithDirector(db: Db, categoryCode = "500") {
  finessCounter += 2;
  const establishment = await db.establishment.create({
    data: {
      name: `Établissement ${finessCounter}`,
      finessEt: withFinessKey(`79${String(finessCounter).padStart(6, "0")}`),
      finessEj: withFinessKey(`79${String(finessCounter + 1).padStart(6, "0")}`),
      categoryCode,
      regionCode: "75",
      departmentCode: "79",
      city: "Niort",
      headcount: 30,
    },
    select: { id: true, name: true, finessEt: true, finessEj: true },
  });
  const user = await db.user.create({
    data: {
      email: `direction.${randomUUID().slice(0, 8)}@test.fr`,
      displayName: "Directrice",
      memberships: { create: { establishmentId: establishment.id, role: "DIRECTOR" } },
    },
    select: { id: true, email: true, displayName: true },
  });
  const director: Viewer = {
    userId: user.id,
    email: user.email,
    displayName: user.displayName,
    staffRole: null,
    memberships: [{ establishmentId: establishment.id, role: "DIRECTOR" }],
    sessionId: randomUUID(),
  };
  return { establishment, director };
}

export async function campaign(db: Db) {
  return db.campaign.create({ data: { slug: `c-${randomUUID().slice(0, 8)}`, title: "HospiConnect", description: "" }, select: { id: true } });
}

/** The wave form as a manager submits it, from the programme's defaults; dates are Paris wall-clock times. */
export function waveForm(overrides: Partial<TCreateWaveInput> = {}): TCreateWaveInput {
  return {
    kind: "GENERALISATION",
    title: "Vague de généralisation 2027",
    year: 2027,
    opensAt: "2027-01-04T09:00",
    closesAt: "2027-03-31T23:59",
    fundingEnvelope: "25 000 000",
    eligibleCategoryCodes: ["355", "500"],
    objectives: DEFAULT_OBJECTIVES.map((objective) => ({ ...objective })),
    criteria: DEFAULT_CRITERIA.map((criterion) => ({ ...criterion })),
    ...overrides,
  };
}
