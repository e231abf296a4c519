import { DEFAULT_CRITERIA, DEFAULT_OBJECTIVES } from "@/lib/campaigns/programme-defaults";
import type { Db } from "@/lib/db/client";
import type { WaveKind } from "@/lib/db/generated/enums";
import { parisDateTime } from "@/lib/time/paris";

const HEALTH = ["101", "106", "292", "355"];
const ESMS_PILOT = ["500", "255", "183"];

type DemoWave = {
  kind: WaveKind;
  title: string;
  year: number;
  /** When the manager created the wave and its grid, before it opened (the grid is frozen then). */
  createdAt: Date;
  opensAt: Date;
  closesAt: Date;
  /**
   * When the decisions made before the demo's day were released, all together as the app releases
   * a wave's decisions (ADR 0013): after the closing and after the last review of every dossier
   * decided (applications.ts walks each dossier's review to at most 40 days after its deposit).
   */
  decisionsReleasedAt: Date;
  fundingEnvelopeCents: bigint;
  eligible: string[] | "all";
};

/**
 * Real dates where public (the generalisation call closed on 13 February 2026); amounts are
 * illustrative. Each wave pays half of a grant in advance (ADR 0021), set from the start so that
 * the letters rendered by the demo state it as those of a release do.
 */
const ADVANCE_SHARE_PERCENT = 50;

const WAVES: DemoWave[] = [
  {
    kind: "PILOT",
    title: "Vague pilote 2024",
    year: 2024,
    createdAt: parisDateTime("2024-02-05T10:00"),
    opensAt: parisDateTime("2024-03-04T09:00"),
    closesAt: parisDateTime("2024-05-31T12:00"),
    decisionsReleasedAt: parisDateTime("2024-07-16T10:00"),
    fundingEnvelopeCents: 3_000_000_00n,
    eligible: [...HEALTH, ...ESMS_PILOT],
  },
  {
    kind: "GENERALISATION",
    title: "Vague de généralisation 2025 (HospiConnect / Hop'en 2)",
    year: 2025,
    createdAt: parisDateTime("2025-09-15T10:00"),
    opensAt: parisDateTime("2025-10-15T09:00"),
    closesAt: parisDateTime("2026-02-13T23:59"),
    decisionsReleasedAt: parisDateTime("2026-04-14T10:00"),
    fundingEnvelopeCents: 25_000_000_00n,
    eligible: "all",
  },
];

/** Who signs the demo's decision letters (a fictitious person): set on both waves, as a manager would. */
const LETTER_SIGNATORY = { name: "Anne Moreau", title: "Directrice générale de l'Agence du Numérique en Santé" };

export type DemoProgramme = Record<
  WaveKind,
  {
    waveId: string;
    versionId: string;
    objectiveIds: string[];
    criteria: { id: string; scaleMax: number }[];
    decisionsReleasedAt: Date;
  }
>;

export async function seedProgramme(db: Db, categoryCodes: string[]): Promise<DemoProgramme> {
  const campaign = await db.campaign.create({
    data: {
      slug: "hospiconnect",
      title: "HospiConnect",
      description:
        "Sécuriser et simplifier l'identification électronique des professionnels des établissements de santé et des établissements et services sociaux et médico-sociaux.",
    },
    select: { id: true },
  });

  const programme = {} as DemoProgramme;
  for (const wave of WAVES) {
    const created = await db.wave.create({
      data: {
        campaignId: campaign.id,
        kind: wave.kind,
        title: wave.title,
        year: wave.year,
        createdAt: wave.createdAt,
        opensAt: wave.opensAt,
        closesAt: wave.closesAt,
        fundingEnvelopeCents: wave.fundingEnvelopeCents,
        advanceSharePercent: ADVANCE_SHARE_PERCENT,
        letterSignatoryName: LETTER_SIGNATORY.name,
        letterSignatoryTitle: LETTER_SIGNATORY.title,
        eligibleCategories: {
          create: (wave.eligible === "all" ? categoryCodes : wave.eligible).map((categoryCode) => ({ categoryCode })),
        },
        versions: {
          create: {
            number: 1,
            createdAt: wave.createdAt,
            frozenAt: wave.opensAt,
            objectives: { create: DEFAULT_OBJECTIVES.map((objective, position) => ({ ...objective, position })) },
            criteria: { create: DEFAULT_CRITERIA.map((criterion, position) => ({ ...criterion, position })) },
          },
        },
      },
      select: {
        id: true,
        versions: {
          select: {
            id: true,
            objectives: { select: { id: true }, orderBy: { position: "asc" } },
            criteria: { select: { id: true, scaleMax: true }, orderBy: { position: "asc" } },
          },
        },
      },
    });
    const version = created.versions[0];
    if (!version) throw new Error("wave version not created");
    programme[wave.kind] = {
      waveId: created.id,
      versionId: version.id,
      objectiveIds: version.objectives.map((objective) => objective.id),
      criteria: version.criteria,
      decisionsReleasedAt: wave.decisionsReleasedAt,
    };
  }
  return programme;
}
