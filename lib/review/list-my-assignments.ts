import { dossierReference } from "@/lib/applications/dossier-reference";
import { z } from "zod";
import { requirePermission } from "@/lib/access/policy";
import type { Viewer } from "@/lib/access/viewer";
import { assignmentsVisibleTo } from "@/lib/access/visibility";
import { db } from "@/lib/db/client";
import { regionName } from "@/lib/establishments/territories";
import { effectiveDueAt } from "./due-dates";
import { type AssignmentStanding, assignmentStanding, isPendingStanding, reviewDeadline, workloadSummary } from "./review-states";

/** The queue lists live assignments only: a declared conflict ended its assignment. */
export type AssignmentStatus = Exclude<AssignmentStanding, "CONFLICT">;

export const ASSIGNMENT_STATUS_LABELS: Readonly<Record<AssignmentStatus, string>> = {
  TO_DECLARE: "Déclaration d'intérêts à faire",
  IN_PROGRESS: "En cours",
  SUBMITTED: "Transmise",
  CLOSED: "Plus attendue : instruction close",
};

/** The queue's filters and sort, from the query string; anything unknown falls back to the default. */
export const ZQueueFilters = z.object({
  vague: z.string().uuid().optional().catch(undefined),
  niveau: z.enum(["REGIONAL", "NATIONAL"]).optional().catch(undefined),
  statut: z.enum(["TO_DECLARE", "IN_PROGRESS", "SUBMITTED", "CLOSED", "OVERDUE"]).optional().catch(undefined),
  tri: z.enum(["echeance", "etablissement", "vague"]).catch("echeance"),
});
export type TQueueFilters = z.infer<typeof ZQueueFilters>;

/**
 * A reviewer's queue: their live assignments (not those ended by a declared conflict; an ARS
 * reviewer's only in their regions), with due date, tier and status. Before the declaration of
 * interests, only what identifies the establishment is shown (not the project's title).
 */
export async function listMyAssignments(viewer: Viewer, filters: TQueueFilters, now = new Date()) {
  requirePermission(viewer, "review:assigned");
  const rows = await db.reviewerAssignment.findMany({
    where: assignmentsVisibleTo(viewer),
    select: {
      id: true,
      tier: true,
      dueAt: true,
      conflict: { select: { hasConflict: true } },
      review: { select: { status: true } },
      application: {
        select: {
          number: true,
          state: true,
          projectTitle: true,
          waveId: true,
          wave: { select: { title: true, regionalReviewDueAt: true, nationalReviewDueAt: true } },
          establishment: { select: { name: true, finessEt: true, regionCode: true, category: { select: { label: true } } } },
        },
      },
    },
  });
  const items = rows.flatMap((row) => {
    const facts = {
      state: row.application.state,
      hasConflict: row.conflict?.hasConflict ?? null,
      submitted: row.review?.status === "SUBMITTED",
      dueAt: effectiveDueAt(row, row.application.wave),
    };
    const status = assignmentStanding(facts);
    if (status === "CONFLICT") return [];
    return {
      assignmentId: row.id,
      tier: row.tier,
      status,
      dueAt: facts.dueAt,
      deadline: reviewDeadline(facts, now),
      waveId: row.application.waveId,
      wave: row.application.wave.title,
      dossierState: row.application.state,
      reference: dossierReference(row.application.number),
      projectTitle: row.conflict ? row.application.projectTitle : null,
      establishment: {
        name: row.application.establishment.name,
        finess: row.application.establishment.finessEt,
        category: row.application.establishment.category.label,
        region: regionName(row.application.establishment.regionCode),
      },
    };
  });
  // Filtered here, not in the query: the totals and the waves offered are the reviewer's whole workload.
  const filtered = items.filter(
    (item) =>
      (!filters.vague || item.waveId === filters.vague) &&
      (!filters.niveau || item.tier === filters.niveau) &&
      (!filters.statut || (filters.statut === "OVERDUE" ? item.deadline === "OVERDUE" : item.status === filters.statut)),
  );
  // By due date, the work still to do first: a submitted review is done whatever its date, one no longer due too.
  const done = (item: (typeof items)[number]) => (isPendingStanding(item.status) ? 0 : 1);
  const compare = {
    echeance: (a: (typeof items)[number], b: (typeof items)[number]) =>
      done(a) - done(b) ||
      (a.dueAt?.getTime() ?? Infinity) - (b.dueAt?.getTime() ?? Infinity) ||
      a.establishment.name.localeCompare(b.establishment.name, "fr"),
    etablissement: (a: (typeof items)[number], b: (typeof items)[number]) => a.establishment.name.localeCompare(b.establishment.name, "fr"),
    vague: (a: (typeof items)[number], b: (typeof items)[number]) =>
      a.wave.localeCompare(b.wave, "fr") || a.establishment.name.localeCompare(b.establishment.name, "fr"),
  }[filters.tri];
  const waves = [...new Map(items.map((item) => [item.waveId, item.wave])).entries()].map(([id, title]) => ({ id, title }));
  return { items: filtered.sort(compare), total: items.length, ...workloadSummary(items.map((item) => item.status)), waves };
}
