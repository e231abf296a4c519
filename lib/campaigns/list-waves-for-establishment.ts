import type { Route } from "next";
import { authorizeEstablishment } from "@/lib/access/policy";
import type { Viewer } from "@/lib/access/viewer";
import { applicationsVisibleTo } from "@/lib/access/visibility";
import { db } from "@/lib/db/client";
import { getEstablishmentOverview } from "@/lib/establishments/get-establishment-overview";
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
export async function listWavesForEstablishment(viewer: Viewer, establishmentId: string, now = new Date()) {
  authorizeEstablishment(viewer, establishmentId, "read");
  // The category comes with the page's read of the establishment (one query per render for both).
  const [{ category }, waves] = await Promise.all([getEstablishmentOverview(viewer, establishmentId), loadWaves(viewer, establishmentId)]);
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
      applications: {
        where: { AND: [applicationsVisibleTo(viewer), { establishmentId }] },
        select: { id: true, number: true, state: true },
      },
    },
  });
}

export type EstablishmentWave = Awaited<ReturnType<typeof listWavesForEstablishment>>[number];
