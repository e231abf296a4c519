import type { Route } from "next";
import { authorizeEstablishment } from "@/lib/access/policy";
import type { Viewer } from "@/lib/access/viewer";
import { applicationsVisibleTo } from "@/lib/access/visibility";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { screenEligibility } from "./eligibility";
import { waveStatus } from "./wave-status";

/** Where a member checks eligibility and starts the dossier (see app/(establishment)/vagues). */
export function eligibilityPath(waveId: string, establishmentId: string): Route {
  return `/vagues/${waveId}/eligibilite?etablissement=${establishmentId}` as Route;
}

/**
 * Every wave as one establishment sees it, newest first: its window (with the establishment's
 * extension), whether the establishment may start a dossier now and why not, and its dossier on
 * the wave if it has one. For the establishment's page, to list the waves it can apply to.
 */
export async function listWavesForEstablishment(
  viewer: Viewer,
  establishmentId: string,
  now = new Date(),
  /** The establishment's category when the caller reads the establishment anyway (its page), to spare a query. */
  knownCategory?: Promise<EstablishmentCategory>,
) {
  authorizeEstablishment(viewer, establishmentId, "read");
  const [category, waves] = await Promise.all([knownCategory ?? loadCategory(establishmentId), loadWaves(viewer, establishmentId)]);
  return waves.map((wave) => {
    const eligibility = screenEligibility({
      wave: { ...wave, eligibleCategoryCodes: wave.eligibleCategories.map((row) => row.categoryCode) },
      category,
      extension: wave.extensions[0] ?? null,
      now,
    });
    return {
      id: wave.id,
      kind: wave.kind,
      title: wave.title,
      year: wave.year,
      campaign: wave.campaign.title,
      opensAt: wave.opensAt,
      closesAt: eligibility.closesAt,
      extended: eligibility.extended,
      status: waveStatus({ opensAt: wave.opensAt, closesAt: eligibility.closesAt }, now),
      eligibility,
      application: wave.applications[0] ?? null,
      eligibilityPath: eligibilityPath(wave.id, establishmentId),
    };
  });
}

type EstablishmentCategory = { code: string; label: string };

async function loadCategory(establishmentId: string): Promise<EstablishmentCategory> {
  const establishment = await db.establishment.findUnique({
    where: { id: establishmentId },
    select: { category: { select: { code: true, label: true } } },
  });
  if (!establishment) throw new AppError("NOT_FOUND");
  return establishment.category;
}

function loadWaves(viewer: Viewer, establishmentId: string) {
  return db.wave.findMany({
    orderBy: { opensAt: "desc" },
    select: {
      id: true,
      kind: true,
      title: true,
      year: true,
      opensAt: true,
      closesAt: true,
      campaign: { select: { title: true } },
      eligibleCategories: { select: { categoryCode: true } },
      extensions: { where: { establishmentId }, select: { closesAt: true } },
      applications: { where: { AND: [applicationsVisibleTo(viewer), { establishmentId }] }, select: { id: true, state: true } },
    },
  });
}

export type EstablishmentWave = Awaited<ReturnType<typeof listWavesForEstablishment>>[number];
