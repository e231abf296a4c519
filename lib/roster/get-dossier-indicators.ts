import { authorizeApplication } from "@/lib/access/policy";
import type { Viewer } from "@/lib/access/viewer";
import { loadDossierFacts } from "@/lib/applications/dossier-facts";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { parisToday } from "./dates";
import { computeRosterIndicators, loadEstablishmentRoster } from "./establishment-indicators";
import { loadProfessionLabels } from "./professions";
import type { EstablishmentIndicators } from "./indicators";
import { indicatorsFromSnapshot } from "./snapshots";

/**
 * The figures a dossier shows: frozen at submission (its SUBMISSION snapshot) when there is one,
 * else the establishment's live figures today. For whoever may read the dossier.
 */
export async function getDossierIndicators(viewer: Viewer, applicationId: string, now = new Date()) {
  const facts = await loadDossierFacts(db, applicationId);
  authorizeApplication(viewer, facts, "read");
  const frozen = await db.indicatorSnapshot.findFirst({
    where: { applicationId: facts.id, reason: "SUBMISSION" },
    orderBy: { takenAt: "desc" },
    select: { takenAt: true, active: true, registered: true, substantialId: true, rieCompliant: true, dmpReady: true, breakdown: true },
  });
  let indicators: EstablishmentIndicators;
  if (frozen) {
    indicators = indicatorsFromSnapshot(frozen);
  } else {
    const roster = await loadEstablishmentRoster(db, facts.establishmentId);
    if (roster === null) throw new AppError("NOT_FOUND");
    indicators = computeRosterIndicators(roster, parisToday(now));
  }
  return {
    establishmentId: facts.establishmentId,
    frozenAt: frozen?.takenAt ?? null,
    draft: facts.state === "DRAFT",
    indicators,
    professionLabels: await loadProfessionLabels(Object.keys(indicators.byProfession)),
  };
}

export type DossierIndicators = Awaited<ReturnType<typeof getDossierIndicators>>;
