import { requirePermission } from "@/lib/access/policy";
import { auditActor, type Viewer } from "@/lib/access/viewer";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db/client";
import { isUniqueViolation } from "@/lib/db/prisma-errors";
import type { Prisma } from "@/lib/db/generated/client";
import { AppError } from "@/lib/errors/app-error";
import type { TWaveSettingsInput } from "./schemas";
import { assertKnownCategories, DUPLICATE_WAVE_MESSAGE, STALE_WAVE_MESSAGE, waveSettingsData } from "./wave-data";
import { lockWaveForDecisions, releasedGrantsCents } from "@/lib/decisions/wave-lock";
import { checkClosing, checkEnvelopeCoversGrants, checkRemovedCategories, checkSettingsChange, refuseIssues } from "./wave-rules";
import { WAVE_SETTINGS_SELECT } from "./wave-settings-select";

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

type Comparable = string | number | string[];

function comparable(value: Date | bigint | string | number | string[]): Comparable {
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "bigint") return value.toString();
  return Array.isArray(value) ? [...value].sort() : value;
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
    return await db.$transaction(async (tx) => {
      const wave = await tx.wave.findUnique({
        where: { id: waveId },
        select: {
          ...WAVE_SETTINGS_SELECT,
          version: true,
          eligibleCategories: { select: { categoryCode: true } },
        },
      });
      if (!wave) throw new AppError("NOT_FOUND");
      if (wave.version !== input.expectedVersion) throw new AppError("CONFLICT", STALE_WAVE_MESSAGE);
      const removed = wave.eligibleCategories.map((row) => row.categoryCode).filter((code) => !input.eligibleCategoryCodes.includes(code));
      const issues = [
        ...checkSettingsChange(wave, next, now),
        ...checkClosing(next, wave, now),
        ...checkRemovedCategories(await dossiersByCategory(tx, waveId, removed)),
      ];
      if (next.fundingEnvelopeCents < wave.fundingEnvelopeCents) {
        // Behind the proposals and releases of the wave (ADR 0013), so the floor read is the one that holds.
        await lockWaveForDecisions(tx, waveId);
        issues.push(...checkEnvelopeCoversGrants(next, await releasedGrantsCents(tx, waveId)));
      }
      refuseIssues(issues);
      await assertKnownCategories(tx, input.eligibleCategoryCodes);

      const before = { ...wave, eligibleCategoryCodes: wave.eligibleCategories.map((row) => row.categoryCode) };
      const after = { ...next, eligibleCategoryCodes: input.eligibleCategoryCodes };
      const changes: Record<string, { from: Comparable; to: Comparable }> = {};
      for (const field of ["kind", "title", "year", "opensAt", "closesAt", "fundingEnvelopeCents", "eligibleCategoryCodes"] as const) {
        const [from, to] = [comparable(before[field]), comparable(after[field])];
        if (JSON.stringify(from) !== JSON.stringify(to)) changes[field] = { from, to };
      }
      if (Object.keys(changes).length === 0) return { changed: [], version: wave.version };

      const updated = await tx.wave.updateMany({
        where: { id: waveId, version: input.expectedVersion },
        data: { ...next, version: { increment: 1 } },
      });
      if (updated.count !== 1) throw new AppError("CONFLICT", STALE_WAVE_MESSAGE);
      if (changes.eligibleCategoryCodes) {
        await tx.waveEligibleCategory.deleteMany({ where: { waveId, categoryCode: { notIn: input.eligibleCategoryCodes } } });
        await tx.waveEligibleCategory.createMany({
          data: input.eligibleCategoryCodes.map((categoryCode) => ({ waveId, categoryCode })),
          skipDuplicates: true,
        });
      }
      await recordAudit(tx, {
        actor: auditActor(viewer),
        action: "wave.settings_changed",
        target: { type: "Wave", id: waveId },
        ip,
        details: { changes },
      });
      return { changed: Object.keys(changes), version: wave.version + 1 };
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    throw new AppError("CONFLICT", DUPLICATE_WAVE_MESSAGE, { fieldErrors: { year: [DUPLICATE_WAVE_MESSAGE] } });
  }
}
