import { dossierReference } from "@/lib/applications/dossier-reference";
import { authorizeApplication, decideApplicationAccess } from "@/lib/access/policy";
import type { Viewer } from "@/lib/access/viewer";
import { loadDossierFacts } from "@/lib/applications/dossier-facts";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { parisToday } from "@/lib/roster/dates";
import { computeRosterIndicators, loadEstablishmentRoster } from "@/lib/roster/establishment-indicators";
import { loadFollowUpContext } from "./load-follow-up-context";
import { loadDeclaration } from "./load-declaration";
import { findShortfalls } from "./shortfalls";
import { checkObjective } from "./targets";
import { loadMilestones } from "./load-milestones";
import { loadTranches } from "./load-tranches";

/** How many professionals the page names per target; the others are counted. */
const NAMED_PER_TARGET = 5;

/**
 * The follow-up page of a selected dossier: each objective with its targets checked against
 * today's roster figures, who holds each unmet target back and what they lack, the tranches of the
 * grant, and the declaration of results once made. For whoever may read the dossier.
 */
export async function getFollowUp(viewer: Viewer, applicationId: string, now = new Date()) {
  const facts = await loadDossierFacts(db, applicationId);
  authorizeApplication(viewer, facts, "read");
  // Only a selected dossier has a follow-up: for any other, the page does not exist.
  if (facts.state !== "SELECTED") throw new AppError("NOT_FOUND");
  const context = await loadFollowUpContext(db, facts);
  const [roster, declaration, tranches] = await Promise.all([
    loadEstablishmentRoster(db, facts.establishmentId),
    loadDeclaration(db, facts.id),
    loadTranches(db, facts.id),
  ]);
  if (roster === null) throw new AppError("NOT_FOUND");
  const today = parisToday(now);
  const milestones = await loadMilestones(db, facts.id, today);
  const figures = computeRosterIndicators(roster, today).overall;
  const indicators = [...new Set(context.objectives.flatMap((objective) => objective.targets.map((target) => target.indicator)))];
  const shortfalls = findShortfalls(indicators, roster, today, NAMED_PER_TARGET);
  const namedIds = [...shortfalls.values()].flatMap((entry) => entry.named.map((shortfall) => shortfall.professional.id));
  const names = new Map(
    (
      await db.professional.findMany({
        where: { establishmentId: facts.establishmentId, id: { in: namedIds } },
        select: { id: true, lastName: true, firstName: true },
      })
    ).map((person) => [person.id, `${person.lastName} ${person.firstName}`]),
  );

  const objectives = context.objectives.map((objective) => {
    const check = checkObjective(objective.targets, figures, today);
    return {
      code: objective.code,
      title: objective.title,
      met: check.met,
      targets: check.checks.map((target) => {
        const entry = shortfalls.get(target.indicator);
        return {
          ...target,
          holdingBack:
            entry && !target.met
              ? {
                  count: entry.count,
                  named: entry.named.map((shortfall) => ({
                    id: shortfall.professional.id,
                    name: names.get(shortfall.professional.id) ?? "",
                    gaps: shortfall.gaps,
                  })),
                }
              : null,
        };
      }),
    };
  });
  return {
    applicationId: facts.id,
    reference: dossierReference(facts.number),
    establishmentId: facts.establishmentId,
    today,
    ...context,
    objectives,
    tranches,
    declaration,
    canDeclare: declaration === null && decideApplicationAccess(viewer, facts, "declare-results").allowed,
    milestones,
    canRecordMilestones: decideApplicationAccess(viewer, facts, "record-milestones").allowed,
  };
}

export type FollowUp = Awaited<ReturnType<typeof getFollowUp>>;
