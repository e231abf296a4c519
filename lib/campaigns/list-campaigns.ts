import { requirePermission } from "@/lib/access/policy";
import type { Viewer } from "@/lib/access/viewer";
import { db } from "@/lib/db/client";

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
          kind: true,
          title: true,
          year: true,
          opensAt: true,
          closesAt: true,
          fundingEnvelopeCents: true,
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
