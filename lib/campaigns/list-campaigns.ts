import { requirePermission } from "@/lib/access/policy";
import type { Viewer } from "@/lib/access/viewer";
import { db } from "@/lib/db/client";
import { WAVE_SETTINGS_SELECT } from "./wave-settings-select";

/** Campaigns and their waves, newest first, with how many dossiers each wave has, for programme managers. */
export async function listCampaigns(viewer: Viewer) {
  requirePermission(viewer, "programme:configure");
  return db.campaign.findMany({
    orderBy: { createdAt: "desc" },
    select: {
      id: true,
      slug: true,
      title: true,
      description: true,
      waves: {
        orderBy: { opensAt: "desc" },
        select: {
          id: true,
          ...WAVE_SETTINGS_SELECT,
          _count: { select: { applications: true, versions: true } },
        },
      },
    },
  });
}

/** A campaign's name, for the page that adds a wave to it. */
export async function getCampaign(viewer: Viewer, campaignId: string) {
  requirePermission(viewer, "programme:configure");
  return db.campaign.findUnique({ where: { id: campaignId }, select: { id: true, title: true } });
}
