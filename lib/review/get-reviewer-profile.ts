import { requirePermission } from "@/lib/access/policy";
import type { Viewer } from "@/lib/access/viewer";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import type { TReviewerProfileInput } from "./reviewer-profile-schema";

const iso = (date: Date | null) => (date ? date.toISOString().slice(0, 10) : "");

/** A reviewer's profile for the managers' form, with their live assignments. */
export async function getReviewerProfile(viewer: Viewer, userId: string) {
  requirePermission(viewer, "user:manage");
  const user = await db.user.findUnique({
    where: { id: userId },
    select: {
      id: true,
      displayName: true,
      email: true,
      staffRole: true,
      disabledAt: true,
      reviewerRegions: { select: { regionCode: true } },
      affiliations: { orderBy: { startsOn: "asc" }, select: { kind: true, reference: true, label: true, startsOn: true, endsOn: true } },
      _count: { select: { assignments: { where: { NOT: { conflict: { is: { hasConflict: true } } } } } } },
    },
  });
  if (!user || (user.staffRole !== "REVIEWER" && user.staffRole !== "REGIONAL_REVIEWER")) throw new AppError("NOT_FOUND");
  const form: TReviewerProfileInput = {
    staffRole: user.staffRole,
    regionCodes: user.reviewerRegions.map((region) => region.regionCode),
    affiliations: user.affiliations.map((affiliation) => ({
      ...affiliation,
      startsOn: iso(affiliation.startsOn),
      endsOn: iso(affiliation.endsOn),
    })),
  };
  return {
    id: user.id,
    displayName: user.displayName,
    email: user.email,
    disabled: user.disabledAt !== null,
    liveAssignments: user._count.assignments,
    form,
  };
}
