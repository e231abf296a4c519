import { authorizeEstablishment, canAccessEstablishment } from "@/lib/access/policy";
import type { Viewer } from "@/lib/access/viewer";
import { applicationsVisibleTo } from "@/lib/access/visibility";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { screenEligibility } from "./eligibility";

/**
 * What an establishment sees before starting a dossier on a wave: the wave, the verdict of the
 * eligibility screening at the server's time (with the reason when it is no), its dossier if it
 * already has one, and whether this viewer may start it (members only).
 */
export async function getEligibilityScreen(viewer: Viewer, waveId: string, establishmentId: string, now = new Date()) {
  authorizeEstablishment(viewer, establishmentId, "read");
  const [wave, establishment] = await Promise.all([
    db.wave.findUnique({
      where: { id: waveId },
      select: {
        id: true,
        title: true,
        opensAt: true,
        closesAt: true,
        fundingEnvelopeCents: true,
        campaign: { select: { title: true } },
        eligibleCategories: { orderBy: { category: { label: "asc" } }, select: { category: { select: { code: true, label: true } } } },
        extensions: { where: { establishmentId }, select: { closesAt: true } },
        applications: { where: { AND: [applicationsVisibleTo(viewer), { establishmentId }] }, select: { id: true, state: true } },
      },
    }),
    db.establishment.findUnique({
      where: { id: establishmentId },
      select: { id: true, name: true, category: { select: { code: true, label: true } } },
    }),
  ]);
  if (!wave || !establishment) throw new AppError("NOT_FOUND");
  const eligibleCategories = wave.eligibleCategories.map((row) => row.category);
  const verdict = screenEligibility({
    wave: { ...wave, eligibleCategoryCodes: eligibleCategories.map((category) => category.code) },
    category: establishment.category,
    extension: wave.extensions[0] ?? null,
    now,
  });
  return {
    wave: {
      id: wave.id,
      title: wave.title,
      campaign: wave.campaign.title,
      opensAt: wave.opensAt,
      closesAt: wave.closesAt,
      fundingEnvelopeCents: wave.fundingEnvelopeCents,
    },
    eligibleCategories,
    establishment,
    verdict,
    application: wave.applications[0] ?? null,
    canStart: canAccessEstablishment(viewer, establishmentId, "edit"),
  };
}
