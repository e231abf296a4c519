import { beforeEach, describe, expect, it } from "vitest";
import type { ApplicationState } from "@/lib/db/generated/enums";
import { getAssignmentBoard, ZBoardFilters } from "@/lib/review/get-assignment-board";
import { addSubmittedReviews, createReviewer, createReviewWave, createSubmittedDossier, programmeManager } from "@/test/factories";
import { resetDatabase, testDb } from "@/test/integration/database";
import { ZDashboardFilters } from "./filters";
import { loadProgrammeDashboard } from "./get-programme-dashboard";
import { dashboardTable } from "./tables";

/**
 * The dashboard's « Instruction » figures read the dossier's state as every other view of the
 * review does (`reviewDeadline`, ADR 0007): a draft left past its due date on a dossier closed,
 * withdrawn or decided is no longer expected, one waiting for information asked of the
 * establishment is not late.
 */
describe("the dashboard's review progress", () => {
  beforeEach(resetDatabase);

  it("counts as assigned and overdue only the reviews still expected, as the wave's assignment page does", async () => {
    const [author, colleague, manager] = [await createReviewer(testDb), await createReviewer(testDb), await programmeManager(testDb)];
    const wave = await createReviewWave(testDb, { k: 2, nationalDueAt: new Date(Date.now() - 86_400_000) });
    const dossierIn = async (state: ApplicationState) => {
      const dossier = await createSubmittedDossier(testDb, wave);
      // The colleague transmitted, the author left a draft past the wave's due date.
      await addSubmittedReviews(testDb, dossier.id, wave.criteria, [{ reviewerId: colleague.userId, value: 3 }]);
      await testDb.reviewerAssignment.create({
        data: {
          applicationId: dossier.id,
          reviewerId: author.userId,
          tier: "NATIONAL",
          conflict: { create: { hasConflict: false } },
          review: { create: { status: "DRAFT" } },
        },
      });
      await testDb.application.update({ where: { id: dossier.id }, data: { state } });
    };
    for (const state of ["UNDER_REVIEW", "INFORMATION_REQUESTED", "SCORED", "WITHDRAWN", "SELECTED"] as const) await dossierIn(state);

    const dashboard = await loadProgrammeDashboard(testDb, ZDashboardFilters.parse({ vague: wave.waveId }), new Date());
    // Five transmitted; two drafts still expected (under review: late; information requested: not late).
    expect(dashboard.review).toEqual([{ tier: "NATIONAL", assigned: 7, submitted: 5, overdue: 1, conflicts: 0 }]);
    expect(dashboardTable(dashboard, "instruction").rows).toEqual([["National (ANS)", 7, 5, { count: 5, of: 7 }, 1, 0]]);

    const board = await getAssignmentBoard(manager, wave.waveId, ZBoardFilters.parse({ vue: "tous" }));
    expect(board.overdueByTier.map(({ tier, reviews }) => [tier, reviews.length])).toEqual([["NATIONAL", 1]]);
    expect(board.rows.flatMap((row) => row.assignments.filter((assignment) => assignment.deadline === "OVERDUE"))).toHaveLength(1);
  });
});
