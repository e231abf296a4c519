import { requirePermission } from "@/lib/access/policy";
import { auditActor, type Viewer } from "@/lib/access/viewer";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db/client";
import { isUniqueViolation } from "@/lib/db/prisma-errors";
import { AppError } from "@/lib/errors/app-error";
import { writeCriterionLinks } from "./criterion-objectives";
import type { TCreateWaveInput } from "./schemas";
import { checkClosing, refuseIssues } from "./wave-rules";
import { assertKnownCategories, DUPLICATE_WAVE_MESSAGE, gridRows, waveSettingsData } from "./wave-data";

/**
 * Creates a wave of a campaign with its settings, eligible categories and version 1 of its
 * objectives and scoring grid, audited in the same transaction.
 */
export async function createWave(
  viewer: Viewer,
  campaignId: string,
  input: TCreateWaveInput,
  ip: string | null = null,
  now = new Date(),
): Promise<{ waveId: string }> {
  requirePermission(viewer, "programme:configure");
  const campaign = await db.campaign.findUnique({ where: { id: campaignId }, select: { id: true } });
  if (!campaign) throw new AppError("NOT_FOUND");
  const settings = waveSettingsData(input);
  refuseIssues(checkClosing(settings, null, now));
  const grid = gridRows(input);
  try {
    return await db.$transaction(async (tx) => {
      await assertKnownCategories(tx, input.eligibleCategoryCodes);
      const wave = await tx.wave.create({
        data: {
          ...settings,
          campaignId: campaign.id,
          eligibleCategories: { create: input.eligibleCategoryCodes.map((categoryCode) => ({ categoryCode })) },
          versions: {
            create: { number: 1, createdById: viewer.userId, objectives: { create: grid.objectives }, criteria: { create: grid.criteria } },
          },
        },
        select: { id: true, versions: { select: { id: true } } },
      });
      await writeCriterionLinks(tx, wave.versions[0]!.id, input.criteria);
      await recordAudit(tx, {
        actor: auditActor(viewer),
        action: "wave.created",
        target: { type: "Wave", id: wave.id },
        ip,
        details: {
          campaignId: campaign.id,
          kind: settings.kind,
          title: settings.title,
          year: settings.year,
          opensAt: settings.opensAt.toISOString(),
          closesAt: settings.closesAt.toISOString(),
          fundingEnvelopeCents: settings.fundingEnvelopeCents.toString(),
          eligibleCategoryCodes: input.eligibleCategoryCodes,
          objectives: input.objectives.map((objective) => objective.code),
          criteria: input.criteria.map((criterion) => criterion.code),
        },
      });
      return { waveId: wave.id };
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    throw new AppError("CONFLICT", DUPLICATE_WAVE_MESSAGE, { fieldErrors: { year: [DUPLICATE_WAVE_MESSAGE] } });
  }
}
