import { beforeEach, describe, expect, it, vi } from "vitest";
import { AppError } from "@/lib/errors/app-error";
import { resetDatabase, testDb } from "@/test/integration/database";
import { createOpenWave, programmeManager } from "@/test/factories";
import { type LinkedWaveField, writeWaveFields } from "./write-wave-fields";

/** The hooks the wave's forms give `writeWaveFields`, on a real database. */
describe("writing a wave's fields", () => {
  beforeEach(resetDatabase);

  const opensAt = new Date("2020-02-01T08:00:00.000Z");
  /** A list kept outside the wave's row, stored as `stored`, to become `to`. */
  const tags = (stored: string[], to: string[]) =>
    ({ to, read: vi.fn(async () => stored), write: vi.fn(async () => {}) }) satisfies LinkedWaveField<string[]>;
  const stateOf = async (waveId: string) => ({
    wave: await testDb.wave.findUniqueOrThrow({ where: { id: waveId }, select: { title: true, version: true } }),
    audit: await testDb.auditEvent.findMany({ where: { targetId: waveId }, select: { action: true, details: true } }),
  });

  it("refuses through its check, which sees the stored row, and writes nothing", async () => {
    const manager = await programmeManager(testDb);
    const { waveId, title } = await createOpenWave(testDb);
    const linked = tags(["a", "b"], ["c"]);
    const afterWrite = vi.fn(async () => {});
    const check = vi.fn(async () => {
      throw new AppError("INVALID_INPUT", "Refusé.");
    });

    await expect(
      writeWaveFields(
        manager,
        waveId,
        { title: "Nouveau titre", fundingEnvelopeCents: 2_000_000_00n },
        { expectedVersion: 1, action: "wave.test_changed", ip: null, linked: { tags: linked }, check, afterWrite },
      ),
    ).rejects.toMatchObject({ code: "INVALID_INPUT", message: "Refusé." });
    expect(check).toHaveBeenCalledWith(expect.anything(), {
      version: 1,
      title,
      fundingEnvelopeCents: 1_000_000_00n,
      tags: ["a", "b"],
    });
    expect(linked.write).not.toHaveBeenCalled();
    expect(afterWrite).not.toHaveBeenCalled();
    expect(await stateOf(waveId)).toEqual({ wave: { title, version: 1 }, audit: [] });
  });

  it("takes a list in another order as no change, and audits instants, amounts and lists as JSON", async () => {
    const manager = await programmeManager(testDb);
    const { waveId } = await createOpenWave(testDb);
    await testDb.wave.update({ where: { id: waveId }, data: { opensAt } });
    const same = tags(["b", "a"], ["a", "b"]);
    const check = vi.fn(async () => {});
    const afterWrite = vi.fn(async () => "fait");

    await expect(
      writeWaveFields(
        manager,
        waveId,
        { opensAt: new Date(opensAt), fundingEnvelopeCents: 1_000_000_00n },
        { expectedVersion: 1, action: "wave.test_changed", ip: null, linked: { tags: same }, check, afterWrite },
      ),
    ).resolves.toEqual({ changed: [], version: 1 });
    expect(check).toHaveBeenCalledOnce();
    expect(same.write).not.toHaveBeenCalled();
    expect(afterWrite).not.toHaveBeenCalled();

    const changed = tags(["b", "a"], ["c", "a"]);
    const result = await writeWaveFields(
      manager,
      waveId,
      { opensAt: new Date("2020-02-02T08:00:00.000Z"), fundingEnvelopeCents: 1_500_000_00n },
      { expectedVersion: 1, action: "wave.test_changed", ip: null, linked: { tags: changed }, afterWrite },
    );
    const changes = {
      opensAt: { from: "2020-02-01T08:00:00.000Z", to: "2020-02-02T08:00:00.000Z" },
      fundingEnvelopeCents: { from: "100000000", to: "150000000" },
      tags: { from: ["a", "b"], to: ["a", "c"] },
    };
    expect(result).toEqual({ changed: ["opensAt", "fundingEnvelopeCents", "tags"], version: 2, after: "fait" });
    expect(changed.write).toHaveBeenCalledOnce();
    expect(afterWrite).toHaveBeenCalledWith(expect.anything(), changes);
    expect((await stateOf(waveId)).audit).toEqual([{ action: "wave.test_changed", details: { changes } }]);
  });

  it("undoes the wave's write when what follows it fails", async () => {
    const manager = await programmeManager(testDb);
    const { waveId, title } = await createOpenWave(testDb);

    await expect(
      writeWaveFields(
        manager,
        waveId,
        { title: "Nouveau titre" },
        {
          expectedVersion: 1,
          action: "wave.test_changed",
          ip: null,
          afterWrite: async () => {
            throw new AppError("INVALID_STATE", "Échec.");
          },
        },
      ),
    ).rejects.toMatchObject({ code: "INVALID_STATE" });
    expect(await stateOf(waveId)).toEqual({ wave: { title, version: 1 }, audit: [] });
  });
});
