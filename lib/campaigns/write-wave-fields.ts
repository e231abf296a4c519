import { auditActor, type Viewer } from "@/lib/access/viewer";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { AppError } from "@/lib/errors/app-error";
import { STALE_WAVE_MESSAGE } from "./wave-data";

type FieldValue = string | number | boolean | null;

/**
 * Writes plain fields of a wave that one form sets (the decision settings, the letters'
 * signatory): only if the wave is still at the version the form was loaded with, and only the
 * fields that changed, audited under `action` with their before and after values. Nothing
 * changed, nothing written and the version kept.
 */
export async function writeWaveFields(
  viewer: Viewer,
  waveId: string,
  next: Record<string, FieldValue>,
  { expectedVersion, action, ip }: { expectedVersion: number; action: string; ip: string | null },
): Promise<{ changed: string[]; version: number }> {
  const select = Object.fromEntries([["version", true], ...Object.keys(next).map((field) => [field, true])]) as Prisma.WaveSelect;
  return db.$transaction(async (tx) => {
    const wave = (await tx.wave.findUnique({ where: { id: waveId }, select })) as (Record<string, FieldValue> & { version: number }) | null;
    if (!wave) throw new AppError("NOT_FOUND");
    if (wave.version !== expectedVersion) throw new AppError("CONFLICT", STALE_WAVE_MESSAGE);
    const changes = Object.fromEntries(
      Object.entries(next)
        .filter(([field, value]) => wave[field] !== value)
        .map(([field, value]) => [field, { from: wave[field], to: value }]),
    );
    if (Object.keys(changes).length === 0) return { changed: [], version: wave.version };
    const updated = await tx.wave.updateMany({
      where: { id: waveId, version: expectedVersion },
      data: { ...next, version: { increment: 1 } },
    });
    if (updated.count !== 1) throw new AppError("CONFLICT", STALE_WAVE_MESSAGE);
    await recordAudit(tx, { actor: auditActor(viewer), action, target: { type: "Wave", id: waveId }, ip, details: { changes } });
    return { changed: Object.keys(changes), version: wave.version + 1 };
  });
}
