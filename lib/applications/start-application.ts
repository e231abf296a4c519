import { authorizeEstablishment } from "@/lib/access/policy";
import { auditActor, type Viewer } from "@/lib/access/viewer";
import { recordAudit } from "@/lib/audit/record-audit";
import { screenEligibility } from "@/lib/campaigns/eligibility";
import { db } from "@/lib/db/client";
import { isUniqueViolation } from "@/lib/db/prisma-errors";
import { AppError } from "@/lib/errors/app-error";

export type StartedApplication = { applicationId: string; created: boolean };

async function existingDossier(establishmentId: string, waveId: string) {
  return db.application.findUnique({ where: { establishmentId_waveId: { establishmentId, waveId } }, select: { id: true } });
}

/**
 * A member starts their establishment's dossier on a wave: a draft on the wave's current version
 * of objectives and grid, which it keeps whatever changes later. Eligibility is screened again
 * here with the server's clock (the page only showed it). Idempotent: one dossier per
 * establishment and wave, so a second click, a retry or a colleague starting at the same moment
 * all get the same dossier.
 */
export async function startApplication(
  viewer: Viewer,
  input: { waveId: string; establishmentId: string },
  ip: string | null = null,
  now = new Date(),
): Promise<StartedApplication> {
  authorizeEstablishment(viewer, input.establishmentId, "edit");
  const existing = await existingDossier(input.establishmentId, input.waveId);
  if (existing) return { applicationId: existing.id, created: false };

  try {
    return await db.$transaction(async (tx) => {
      // Shares the wave's row with other starts, but waits for a change of its grid to finish.
      await tx.$queryRaw`SELECT "id" FROM "Wave" WHERE "id" = ${input.waveId}::uuid FOR SHARE`;
      const wave = await tx.wave.findUnique({
        where: { id: input.waveId },
        select: {
          id: true,
          opensAt: true,
          closesAt: true,
          eligibleCategories: { select: { categoryCode: true } },
          extensions: { where: { establishmentId: input.establishmentId }, select: { closesAt: true } },
          versions: { orderBy: { number: "desc" }, take: 1, select: { id: true, number: true, frozenAt: true } },
        },
      });
      const version = wave?.versions[0];
      if (!wave || !version) throw new AppError("NOT_FOUND");
      const establishment = await tx.establishment.findUniqueOrThrow({
        where: { id: input.establishmentId },
        select: { category: { select: { code: true, label: true } } },
      });
      const verdict = screenEligibility({
        wave: { ...wave, eligibleCategoryCodes: wave.eligibleCategories.map((row) => row.categoryCode) },
        category: establishment.category,
        extension: wave.extensions[0] ?? null,
        now,
      });
      if (!verdict.eligible)
        throw new AppError(verdict.reason === "CLOSED" ? "DEADLINE_PASSED" : "INVALID_STATE", verdict.message, {
          details: { reason: verdict.reason },
        });

      const application = await tx.application.create({
        data: { establishmentId: input.establishmentId, waveId: wave.id, waveVersionId: version.id },
        select: { id: true },
      });
      // From now on a dossier holds this version: it can no longer be edited in place.
      if (!version.frozenAt) await tx.waveVersion.updateMany({ where: { id: version.id, frozenAt: null }, data: { frozenAt: now } });
      await recordAudit(tx, {
        actor: auditActor(viewer),
        action: "application.started",
        target: { type: "Application", id: application.id },
        ip,
        details: { waveId: wave.id, establishmentId: input.establishmentId, waveVersionNumber: version.number },
      });
      return { applicationId: application.id, created: true };
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    const started = await existingDossier(input.establishmentId, input.waveId);
    if (!started) throw error;
    return { applicationId: started.id, created: false };
  }
}
