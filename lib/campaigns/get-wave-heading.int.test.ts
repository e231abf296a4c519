import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import { resetDatabase, testDb } from "@/test/integration/database";
import { createOpenWave, createReviewer, programmeManager } from "@/test/factories";
import { getWaveHeading } from "./get-wave-heading";

/** The wave's title that the titles of its management pages show, asked with each page's permission. */
describe("getWaveHeading", () => {
  beforeEach(resetDatabase);

  it("gives a programme manager the wave's title", async () => {
    const wave = await createOpenWave(testDb);
    const manager = await programmeManager(testDb);
    await expect(getWaveHeading(manager, wave.waveId, "application:decide")).resolves.toEqual({ id: wave.waveId, title: wave.title });
  });

  it("refuses a viewer without the page's permission, and answers NOT_FOUND for an unknown wave", async () => {
    const wave = await createOpenWave(testDb);
    const reviewer = await createReviewer(testDb);
    await expect(getWaveHeading(reviewer, wave.waveId, "payment:record")).rejects.toMatchObject({ code: "FORBIDDEN" });
    const manager = await programmeManager(testDb);
    await expect(getWaveHeading(manager, randomUUID(), "reviewer:assign")).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
