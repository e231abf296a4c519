import { requirePermission } from "@/lib/access/policy";
import { auditActor, type Viewer } from "@/lib/access/viewer";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db/client";
import { isUniqueViolation } from "@/lib/db/prisma-errors";
import { AppError } from "@/lib/errors/app-error";
import type { TCampaignInput } from "./schemas";

/** A programme manager opens a campaign (e.g. « HospiConnect »), under which waves are configured. */
export async function createCampaign(viewer: Viewer, input: TCampaignInput, ip: string | null = null): Promise<{ campaignId: string }> {
  requirePermission(viewer, "programme:configure");
  try {
    return await db.$transaction(async (tx) => {
      const campaign = await tx.campaign.create({ data: input, select: { id: true } });
      await recordAudit(tx, {
        actor: auditActor(viewer),
        action: "campaign.created",
        target: { type: "Campaign", id: campaign.id },
        ip,
        details: { slug: input.slug, title: input.title },
      });
      return { campaignId: campaign.id };
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    const message = "Une campagne porte déjà cet identifiant : choisissez-en un autre.";
    throw new AppError("CONFLICT", message, { fieldErrors: { slug: [message] } });
  }
}
