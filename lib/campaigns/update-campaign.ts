import { requirePermission } from "@/lib/access/policy";
import { auditActor, type Viewer } from "@/lib/access/viewer";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import type { TCampaignEdit } from "./schemas";

/**
 * A programme manager corrects a campaign's title or description (a typo seen once it is listed).
 * Its identifier stays: links and exports may name it. Audited with what changed; nothing changed,
 * nothing written.
 */
export async function updateCampaign(viewer: Viewer, campaignId: string, input: TCampaignEdit, ip: string | null = null) {
  requirePermission(viewer, "programme:configure");
  return db.$transaction(async (tx) => {
    const before = await tx.campaign.findUnique({ where: { id: campaignId }, select: { title: true, description: true } });
    if (!before) throw new AppError("NOT_FOUND");
    const changes = Object.fromEntries(
      (["title", "description"] as const)
        .filter((field) => before[field] !== input[field])
        .map((field) => [field, { from: before[field], to: input[field] }]),
    );
    if (Object.keys(changes).length === 0) return { changed: false };
    await tx.campaign.update({ where: { id: campaignId }, data: input });
    await recordAudit(tx, {
      actor: auditActor(viewer),
      action: "campaign.updated",
      target: { type: "Campaign", id: campaignId },
      ip,
      details: { changes },
    });
    return { changed: true };
  });
}
