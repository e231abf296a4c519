import { randomUUID } from "node:crypto";
import { writeCriterionLinks } from "@/lib/campaigns/criterion-objectives";
import { DEFAULT_CRITERIA, DEFAULT_CRITERION_OBJECTIVES, DEFAULT_OBJECTIVES } from "@/lib/campaigns/programme-defaults";
import type { TCreateWaveInput } from "@/lib/campaigns/schemas";
import type { Db } from "@/lib/db/client";
import { parisDateTime } from "@/lib/time/paris";

export type OpenWave = Awaited<ReturnType<typeof createOpenWave>>;

/** Who signs the decision letters of the waves `createOpenWave` makes. */
export const TEST_LETTER_SIGNATORY = { name: "Anne Moreau", title: "Directrice générale de l'Agence du Numérique en Santé" };

/**
 * A campaign and a wave open since yesterday (closing at `closesAt`, in 30 days unless said), for
 * every establishment category, with the programme's objectives and grid (criteria linked to
 * objectives) in a first version frozen at the opening, and a signatory for its decision letters
 * (`TEST_LETTER_SIGNATORY`), without which nothing is released.
 */
export async function createOpenWave(db: Db, options: { closesAt?: Date } = {}) {
  const suffix = randomUUID().slice(0, 8);
  const opensAt = new Date(Date.now() - 86_400_000);
  const categories = await db.establishmentCategory.findMany({ select: { code: true } });
  const campaign = await db.campaign.create({
    data: { slug: `c-${suffix}`, title: `Campagne ${suffix}`, description: "" },
    select: { id: true },
  });
  const wave = await db.wave.create({
    data: {
      campaignId: campaign.id,
      kind: "GENERALISATION",
      title: `Vague ${suffix}`,
      year: 2026,
      opensAt,
      closesAt: options.closesAt ?? new Date(Date.now() + 30 * 86_400_000),
      fundingEnvelopeCents: 1_000_000_00n,
      letterSignatoryName: TEST_LETTER_SIGNATORY.name,
      letterSignatoryTitle: TEST_LETTER_SIGNATORY.title,
      eligibleCategories: { create: categories.map((category) => ({ categoryCode: category.code })) },
      versions: {
        create: {
          number: 1,
          frozenAt: opensAt,
          objectives: { create: DEFAULT_OBJECTIVES.map((objective, position) => ({ ...objective, position })) },
          criteria: { create: DEFAULT_CRITERIA.map((criterion, position) => ({ ...criterion, position })) },
        },
      },
    },
    select: {
      id: true,
      title: true,
      versions: { select: { id: true, objectives: { orderBy: { position: "asc" } }, criteria: { orderBy: { position: "asc" } } } },
    },
  });
  const version = wave.versions[0]!;
  await writeCriterionLinks(
    db,
    version.id,
    DEFAULT_CRITERIA.map((criterion) => ({ code: criterion.code, objectiveCodes: DEFAULT_CRITERION_OBJECTIVES[criterion.code] ?? [] })),
  );
  return { waveId: wave.id, versionId: version.id, title: wave.title, objectives: version.objectives, criteria: version.criteria };
}

/** The wave form as a manager submits it, from the programme's defaults; dates are Paris wall-clock times. */
/** When the tests create `waveForm`'s wave: before it opens, whatever day the tests run. */
export const WAVE_FORM_CREATED_AT = parisDateTime("2026-11-02T10:00");

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

/** A campaign for the use cases that create waves. */
export async function insertCampaign(db: Db) {
  return db.campaign.create({
    data: { slug: `c-${randomUUID().slice(0, 8)}`, title: "HospiConnect", description: "" },
    select: { id: true },
  });
}
