import { requirePermission } from "@/lib/access/policy";
import type { Viewer } from "@/lib/access/viewer";
import { isUniqueViolation } from "@/lib/db/prisma-errors";
import type { Prisma } from "@/lib/db/generated/client";
import { AppError } from "@/lib/errors/app-error";
import type { TWaveSettingsInput } from "./schemas";
import { assertKnownCategories, DUPLICATE_WAVE_MESSAGE, waveSettingsData } from "./wave-data";
import { lockWaveForDecisions, releasedGrantsCents } from "@/lib/decisions/wave-lock";
import { checkClosing, checkEnvelopeCoversGrants, checkRemovedCategories, checkSettingsChange, refuseIssues } from "./wave-rules";
import { type LinkedWaveField, writeWaveFields } from "./write-wave-fields";

/** The wave's dossiers from establishments of each category (none when `codes` is empty). */
async function dossiersByCategory(tx: Prisma.TransactionClient, waveId: string, codes: readonly string[]) {
  if (codes.length === 0) return [];
  const categories = await tx.establishmentCategory.findMany({ where: { code: { in: [...codes] } }, select: { code: true, label: true } });
  return Promise.all(
    categories.map(async (category) => ({
      ...category,
      dossiers: await tx.application.count({ where: { waveId, establishment: { categoryCode: category.code } } }),
    })),
  );
}

/** The wave's eligible categories, kept in their own table, to become `codes`. */
function eligibleCategories(waveId: string, codes: string[]): LinkedWaveField<string[]> {
  return {
    to: codes,
    read: async (tx) =>
      (await tx.waveEligibleCategory.findMany({ where: { waveId }, select: { categoryCode: true } })).map((row) => row.categoryCode),
    write: async (tx) => {
      await tx.waveEligibleCategory.deleteMany({ where: { waveId, categoryCode: { notIn: codes } } });
      await tx.waveEligibleCategory.createMany({ data: codes.map((categoryCode) => ({ waveId, categoryCode })), skipDuplicates: true });
    },
  };
}

/**
 * Changes a wave's settings (title, kind, year, dates, envelope, eligible categories). They stay
 * editable after the opening, except the opening itself; a closing moved must be ahead, and the
 * envelope holds the published grants (`wave-rules.ts`); each change is audited with its before
 * and after values. `expectedVersion` is the wave's version the form was loaded at.
 */
export async function updateWaveSettings(
  viewer: Viewer,
  waveId: string,
  input: TWaveSettingsInput & { expectedVersion: number },
  ip: string | null = null,
  now = new Date(),
): Promise<{ changed: string[]; version: number }> {
  requirePermission(viewer, "programme:configure");
  const next = waveSettingsData(input);
  try {
    return await writeWaveFields(viewer, waveId, next, {
      expectedVersion: input.expectedVersion,
      action: "wave.settings_changed",
      ip,
      linked: { eligibleCategoryCodes: eligibleCategories(waveId, input.eligibleCategoryCodes) },
      check: async (tx, stored) => {
        const removed = stored.eligibleCategoryCodes.filter((code) => !input.eligibleCategoryCodes.includes(code));
        const issues = [
          ...checkSettingsChange(stored, next, now),
          ...checkClosing(next, stored, now),
          ...checkRemovedCategories(await dossiersByCategory(tx, waveId, removed)),
        ];
        if (next.fundingEnvelopeCents < stored.fundingEnvelopeCents) {
          // Behind the proposals and releases of the wave (ADR 0013), so the floor read is the one that holds.
          await lockWaveForDecisions(tx, waveId);
          issues.push(...checkEnvelopeCoversGrants(next, await releasedGrantsCents(tx, waveId)));
        }
        refuseIssues(issues);
        await assertKnownCategories(tx, input.eligibleCategoryCodes);
      },
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    throw new AppError("CONFLICT", DUPLICATE_WAVE_MESSAGE, { fieldErrors: { year: [DUPLICATE_WAVE_MESSAGE] } });
  }
}
