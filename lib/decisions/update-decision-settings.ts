import { requirePermission } from "@/lib/access/policy";
import { auditActor, type Viewer } from "@/lib/access/viewer";
import { recordAudit } from "@/lib/audit/record-audit";
import { STALE_WAVE_MESSAGE } from "@/lib/campaigns/wave-data";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import type { TDecisionSettingsInput } from "./settings-schema";

/**
 * The wave's decision settings: the spread above which a dossier is « à discuter », and which
 * tier's aggregate ranks (national only, or a weighted mix). They change the board's figures, never
 * a released decision. Optimistic concurrency on the wave's version; audited with before and after.
 */
export async function updateDecisionSettings(viewer: Viewer, waveId: string, input: TDecisionSettingsInput & { ip: string | null }) {
  requirePermission(viewer, "application:decide");
  const next = {
    spreadThreshold: input.spreadThreshold,
    rankingMode: input.rankingMode,
    regionalRankingWeight: input.rankingMode === "WEIGHTED_MIX" ? input.regionalRankingWeight : 0,
  };
  return db.$transaction(async (tx) => {
    const wave = await tx.wave.findUnique({
      where: { id: waveId },
      select: { version: true, spreadThreshold: true, rankingMode: true, regionalRankingWeight: true },
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
      action: "wave.decision_settings_changed",
      target: { type: "Wave", id: waveId },
      ip: input.ip,
      details: { changes },
    });
    return { changed: Object.keys(changes), version: wave.version + 1 };
  });
}
