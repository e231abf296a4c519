import { requirePermission } from "@/lib/access/policy";
import { auditActor, type Viewer } from "@/lib/access/viewer";
import { recordAudit } from "@/lib/audit/record-audit";
import { STALE_WAVE_MESSAGE } from "@/lib/campaigns/wave-data";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import type { TLetterSignatoryInput } from "./letter-signatory";

/**
 * Sets who signs the wave's decision letters (letter-signatory.ts). Letters already published keep
 * the name they were signed with: they are stored files, hashed. Optimistic concurrency on the
 * wave's version; audited with before and after, as the wave's other decision settings are.
 */
export async function updateLetterSignatory(viewer: Viewer, waveId: string, input: TLetterSignatoryInput & { ip: string | null }) {
  requirePermission(viewer, "application:decide");
  const next = { letterSignatoryName: input.name, letterSignatoryTitle: input.title };
  return db.$transaction(async (tx) => {
    const wave = await tx.wave.findUnique({
      where: { id: waveId },
      select: { version: true, letterSignatoryName: true, letterSignatoryTitle: true },
    });
    if (!wave) throw new AppError("NOT_FOUND");
    if (wave.version !== input.expectedVersion) throw new AppError("CONFLICT", STALE_WAVE_MESSAGE);
    const changes = Object.fromEntries(
      Object.entries(next)
        .filter(([key, value]) => wave[key as keyof typeof next] !== value)
        .map(([key, value]) => [key, { from: wave[key as keyof typeof next], to: value }]),
    );
    if (Object.keys(changes).length === 0) return { changed: [] as string[], version: wave.version };
    const updated = await tx.wave.updateMany({
      where: { id: waveId, version: input.expectedVersion },
      data: { ...next, version: { increment: 1 } },
    });
    if (updated.count !== 1) throw new AppError("CONFLICT", STALE_WAVE_MESSAGE);
    await recordAudit(tx, {
      actor: auditActor(viewer),
      action: "wave.letter_signatory_changed",
      target: { type: "Wave", id: waveId },
      ip: input.ip,
      details: { changes },
    });
    return { changed: Object.keys(changes), version: wave.version + 1 };
  });
}
