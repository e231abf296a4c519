import { requirePermission } from "@/lib/access/policy";
import type { Viewer } from "@/lib/access/viewer";
import { writeWaveFields } from "@/lib/campaigns/write-wave-fields";
import type { TLetterSignatoryInput } from "./letter-signatory";

/**
 * Sets who signs the wave's decision letters (letter-signatory.ts). Letters already published keep
 * the name they were signed with: they are stored files, hashed. Optimistic concurrency on the
 * wave's version; audited with before and after, as the wave's other decision settings are.
 */
export async function updateLetterSignatory(viewer: Viewer, waveId: string, input: TLetterSignatoryInput & { ip: string | null }) {
  requirePermission(viewer, "application:decide");
  const next = { letterSignatoryName: input.name, letterSignatoryTitle: input.title };
  return writeWaveFields(viewer, waveId, next, {
    expectedVersion: input.expectedVersion,
    action: "wave.letter_signatory_changed",
    ip: input.ip,
  });
}
