import { requirePermission } from "@/lib/access/policy";
import type { Viewer } from "@/lib/access/viewer";
import { writeWaveFields } from "@/lib/campaigns/write-wave-fields";
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
  return writeWaveFields(viewer, waveId, next, {
    expectedVersion: input.expectedVersion,
    action: "wave.decision_settings_changed",
    ip: input.ip,
  });
}
