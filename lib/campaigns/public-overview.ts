import { db } from "@/lib/db/client";

/**
 * What the public home page shows: each wave with its dates, envelope and the objectives of its
 * current version, and how many dossiers were filed.
 */
export async function getPublicOverview() {
  const waves = await db.wave.findMany({
    orderBy: { opensAt: "asc" },
    select: {
      id: true,
      kind: true,
      title: true,
      opensAt: true,
      closesAt: true,
      fundingEnvelopeCents: true,
      campaign: { select: { title: true } },
      versions: {
        orderBy: { number: "desc" },
        take: 1,
        select: {
          objectives: {
            orderBy: { position: "asc" },
            select: { code: true, title: true, description: true, required: true },
          },
        },
      },
      _count: { select: { eligibleCategories: true } },
    },
  });
  const filed = await db.application.groupBy({
    by: ["waveId"],
    where: { state: { notIn: ["DRAFT", "WITHDRAWN"] } },
    _count: { _all: true },
  });
  const filedByWave = new Map(filed.map((row) => [row.waveId, row._count._all]));
  return waves.map((wave) => ({
    ...wave,
    objectives: wave.versions[0]?.objectives ?? [],
    eligibleCategoryCount: wave._count.eligibleCategories,
    filedApplications: filedByWave.get(wave.id) ?? 0,
  }));
}

export type PublicWave = Awaited<ReturnType<typeof getPublicOverview>>[number];
