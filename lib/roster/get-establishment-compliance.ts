import { authorizeEstablishment } from "@/lib/access/policy";
import type { Viewer } from "@/lib/access/viewer";
import { effectiveClosingTime } from "@/lib/campaigns/deadline";
import { db } from "@/lib/db/client";
import { getEstablishmentOverview } from "@/lib/establishments/get-establishment-overview";
import { AUTHENTICATION_CODES, evaluateProfessional, type MissingCode } from "./compliance";
import { chooseProjectionTarget, describeLost } from "./compliance-view";
import { parisToday } from "./dates";
import { toEstablishmentContext } from "./establishment-context";
import { loadRosterOf } from "./establishment-indicators";
import { projectIndicators } from "./indicators";
import { loadProfessionLabels } from "./professions";
import { rolloutPeriod } from "./rollout-periods";
import { listIndicatorSnapshots } from "./snapshots";

/** How many lapsing professionals the page names; the others are counted. */
const LAPSES_SHOWN = 5;

/** What a director must act on before the target date, per verdict lost. */
const LAPSE_CODES = new Set<MissingCode>([
  // A password tolerated before 2026 no longer matters to a date ahead.
  ...AUTHENTICATION_CODES.filter((code) => code !== "PASSWORD_LOCAL_ACCESS_ONLY"),
  "DMP_UNREACHABLE",
  "RPPS_CHECK_OVERDUE",
]);

/**
 * The establishment page's « Conformité des professionnels »: today's indicators, their projection
 * to a target date with the first professionals whose compliance lapses by then, and the rollout
 * curve over the period asked for (`period`: a `ROLLOUT_PERIODS` id). For whoever may read the
 * establishment.
 */
export async function getEstablishmentCompliance(
  viewer: Viewer,
  establishmentId: string,
  input: { target?: string; period?: string; now?: Date } = {},
) {
  authorizeEstablishment(viewer, establishmentId, "read");
  const now = input.now ?? new Date();
  const today = parisToday(now);
  const period = rolloutPeriod(input.period);
  // The establishment's context comes with the page's read of the establishment (one query per render).
  const [overview, facts, dossier, snapshots] = await Promise.all([
    getEstablishmentOverview(viewer, establishmentId),
    loadRosterOf(db, establishmentId),
    db.application.findFirst({
      where: { establishmentId, state: { not: "WITHDRAWN" } },
      orderBy: { createdAt: "desc" },
      select: { wave: { select: { title: true, closesAt: true, extensions: { where: { establishmentId }, select: { closesAt: true } } } } },
    }),
    listIndicatorSnapshots(db, establishmentId, { period, now }),
  ]);
  const roster = { ...facts, establishment: toEstablishmentContext(overview) };

  const closing = dossier ? parisToday(effectiveClosingTime(dossier.wave, dossier.wave.extensions[0])) : null;
  const target = chooseProjectionTarget(today, input.target, closing);
  const projection = projectIndicators({ ...roster, today, target: target.target });

  const lapsingById = new Map(projection.lapsing.map((lapse) => [lapse.professional.id, lapse]));
  // No query for names when nobody lapses; the labels are read once per process.
  const [named, professionLabels] = await Promise.all([
    lapsingById.size === 0
      ? []
      : db.professional.findMany({
          where: { establishmentId, id: { in: [...lapsingById.keys()] } },
          orderBy: [{ lastName: "asc" }, { firstName: "asc" }],
          take: LAPSES_SHOWN,
          select: { id: true, lastName: true, firstName: true },
        }),
    loadProfessionLabels(roster.professionals.map((professional) => professional.professionCode)),
  ]);
  const lapsing = named.map((person) => {
    const lapse = lapsingById.get(person.id)!;
    const missing = evaluateProfessional(lapse.professional, roster.establishment, target.target).missing;
    return {
      id: person.id,
      name: `${person.lastName} ${person.firstName}`,
      loses: describeLost(lapse.lost),
      reasons: missing.filter((item) => LAPSE_CODES.has(item.code)).map((item) => item.message),
    };
  });

  return {
    establishmentId,
    today,
    rosterSize: roster.professionals.length,
    indicators: projection.today,
    projection: {
      ...target,
      waveTitle: target.source === "wave" ? (dossier?.wave.title ?? null) : null,
      indicators: projection.target,
      leaving: projection.leaving,
      arriving: projection.arriving,
      lapsingCount: projection.lapsing.length,
      lapsing,
    },
    rollout: { period, readings: snapshots },
    professionLabels,
  };
}

export type EstablishmentCompliance = Awaited<ReturnType<typeof getEstablishmentCompliance>>;
