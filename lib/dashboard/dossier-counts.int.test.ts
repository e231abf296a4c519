import { beforeEach, describe, expect, it } from "vitest";
import type { DecisionOutcome } from "@/lib/db/generated/enums";
import { createReviewWave, createSubmittedDossier } from "@/test/factories";
import { resetDatabase, testDb } from "@/test/integration/database";
import { ZDashboardFilters } from "./filters";
import { loadProgrammeDashboard } from "./get-programme-dashboard";
import { dashboardTable } from "./tables";

/**
 * « Décidés » counts every dossier whose decision is released, whatever its outcome: a waitlisted
 * dossier keeps the state « évalué » once its letter is sent. A proposal not yet released decides
 * nothing.
 */
describe("the funnel's decided dossiers", () => {
  beforeEach(resetDatabase);

  it("count a released waitlist decision, and no staged proposal", async () => {
    const wave = await createReviewWave(testDb);
    const scored = async (state: "SCORED" | "SELECTED" | "REJECTED", outcome: DecisionOutcome | null, released: boolean) => {
      const dossier = await createSubmittedDossier(testDb, wave);
      await testDb.application.update({ where: { id: dossier.id }, data: { state } });
      if (outcome)
        await testDb.decision.create({
          data: {
            applicationId: dossier.id,
            waveId: wave.waveId,
            outcome,
            amountGrantedCents: outcome === "SELECTED" ? 100_000_00n : null,
            releasedAt: released ? new Date() : null,
          },
        });
    };
    await scored("SELECTED", "SELECTED", true);
    await scored("REJECTED", "REJECTED", true);
    await scored("SCORED", "WAITLISTED", true);
    await scored("SCORED", "WAITLISTED", false);
    await scored("SCORED", "SELECTED", false);
    await scored("SCORED", null, false);

    const dashboard = await loadProgrammeDashboard(testDb, ZDashboardFilters.parse({}), new Date());
    expect(Object.fromEntries(dashboard.funnel.map((stage) => [stage.key, stage.count]))).toMatchObject({
      scored: 6,
      decided: 3,
      selected: 1,
    });
    expect(dashboardTable(dashboard, "entonnoir").rows.find((row) => row[0] === "Décidés")?.[1]).toBe(3);
    // The states, for their part, stay what they are: the waitlisted dossier is « évalué ».
    expect(dashboard.byState).toEqual({ SCORED: 4, SELECTED: 1, REJECTED: 1 });
  });
});
