import { describe, expect, it } from "vitest";
import { withRppsKey } from "@/lib/identifiers/rpps";
import { resetDatabase, testDb } from "@/test/integration/database";
import { establishmentWithDirector } from "@/test/factories";
import { computeRosterIndicators, loadEstablishmentRoster, snapshotCounts } from "./establishment-indicators";
import { professionalRecord } from "./professional-record.test-helpers";
import { insertProfessionals } from "./roster-writes";
import { recordIndicatorSnapshot } from "./snapshots";
import { withLongestStall } from "./stall.test-helpers";

/**
 * The commit of a large import runs in the request, on the thread that serves every user, and
 * ends with the day's snapshot of the establishment's indicators, computed from its whole roster:
 * that recomputation gives way as it goes (ADR 0006, amended 7 December). The bound is on the
 * longest stall of the event loop, counted in CPU time between two ticks of a timer
 * (`withLongestStall`), not on how long it takes. Decoded and counted in one go, these 60,000
 * professionals held the thread about 0.3 s of CPU (measured 293 ms; 52 ms giving way).
 */
const PROFESSIONALS = 60_000;
/** Far above a slice (15 ms) and a garbage collection, far below the roster counted in one go. */
const STALL_BOUND_MS = 200;

describe("the snapshot after a large import", () => {
  it("counts a large roster while the event loop keeps turning, with the figures counted in one go", { timeout: 300_000 }, async () => {
    await resetDatabase();
    const { establishment } = await establishmentWithDirector(testDb);
    const enrolled = { type: "E_CPS" as const, enrolledAt: new Date("2025-03-01T00:00:00Z"), expiresAt: null, revokedAt: null };
    await insertProfessionals(
      testDb,
      establishment.id,
      Array.from({ length: PROFESSIONALS }, (_, index) =>
        professionalRecord({
          lastName: `NOM${index}`,
          rpps: withRppsKey(String(2_000_000_000 + index)),
          identityVerification: index % 2 === 0 ? "FRANCECONNECT_PLUS" : "NONE",
          needsDmp: index % 3 === 0,
          enrollments: index % 5 === 0 ? [] : [enrolled],
        }),
      ),
    );

    const recorded = await withLongestStall(() => recordIndicatorSnapshot(testDb, establishment.id, "CHANGE"));
    const inOneGo = computeRosterIndicators((await loadEstablishmentRoster(testDb, establishment.id))!, new Date());
    expect(recorded.result).toMatchObject({ ...snapshotCounts(inOneGo), active: PROFESSIONALS });
    expect(recorded.longestStallMs).toBeLessThan(STALL_BOUND_MS);
  });
});
