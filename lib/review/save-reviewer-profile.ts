import { requirePermission } from "@/lib/access/policy";
import { auditActor, type Viewer } from "@/lib/access/viewer";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db/client";
import { dossierReference } from "@/lib/applications/dossier-reference";
import { AppError } from "@/lib/errors/app-error";
import type { Prisma } from "@/lib/db/generated/client";
import { type ConflictDossier, conflictDossier, newlyFlaggedPairs } from "./conflicts";
import { assignmentsOutsideProfile, type HeldAssignment, newlyFlaggedMessage, outsideProfileMessage } from "./profile-coverage";
import type { TReviewerProfileInput } from "./reviewer-profile-schema";

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

/** The reviewer's assignments as the profile's coverage reads them, each with its dossier as conflict detection reads it. */
export async function heldAssignments(
  tx: Prisma.TransactionClient,
  reviewerId: string,
): Promise<Array<HeldAssignment & { dossier: ConflictDossier }>> {
  const rows = await tx.reviewerAssignment.findMany({
    where: { reviewerId },
    orderBy: { assignedAt: "asc" },
    select: {
      tier: true,
      conflict: { select: { hasConflict: true } },
      review: { select: { status: true } },
      application: {
        select: {
          number: true,
          state: true,
          establishment: { select: { name: true, regionCode: true, finessEj: true, finessEt: true, siret: true } },
          partners: { select: { siret: true } },
          assignments: { select: { tier: true, conflict: { select: { hasConflict: true } } } },
        },
      },
    },
  });
  return rows.map((row) => ({
    tier: row.tier,
    regionCode: row.application.establishment.regionCode,
    state: row.application.state,
    submitted: row.review?.status === "SUBMITTED",
    hasConflict: row.conflict?.hasConflict ?? null,
    reference: dossierReference(row.application.number),
    establishment: row.application.establishment.name,
    dossier: conflictDossier(row.application),
  }));
}

/**
 * Replaces a reviewer's role (ANS / ARS), regions and affiliations, audited with before and after;
 * refused while they hold reviews to do that the new role or regions would not cover. Answers the
 * warning to give the manager when the new affiliations flag pairs already assigned (ADR 0007: the
 * manager decides whether the tie holds), null otherwise.
 */
export async function saveReviewerProfile(
  viewer: Viewer,
  userId: string,
  input: TReviewerProfileInput,
  ip: string | null,
  now = new Date(),
): Promise<{ warning: string | null }> {
  requirePermission(viewer, "user:manage");
  return db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({
      where: { id: userId },
      select: {
        staffRole: true,
        email: true,
        displayName: true,
        reviewerRegions: { select: { regionCode: true } },
        affiliations: { select: { kind: true, reference: true, startsOn: true, endsOn: true } },
      },
    });
    if (!user || (user.staffRole !== "REVIEWER" && user.staffRole !== "REGIONAL_REVIEWER")) throw new AppError("NOT_FOUND");
    const regionCodes = input.staffRole === "REGIONAL_REVIEWER" ? [...new Set(input.regionCodes)].sort() : [];
    const held = await heldAssignments(tx, userId);
    const outside = assignmentsOutsideProfile(held, { staffRole: input.staffRole, regionCodes });
    if (outside.length > 0) throw new AppError("INVALID_STATE", outsideProfileMessage(outside));
    const affiliations = input.affiliations.map((affiliation) => ({
      ...affiliation,
      startsOn: day(affiliation.startsOn),
      endsOn: affiliation.endsOn ? day(affiliation.endsOn) : null,
    }));
    const flagged = newlyFlaggedPairs(held, user.affiliations, affiliations, now);
    await tx.user.update({ where: { id: userId }, data: { staffRole: input.staffRole } });
    await tx.reviewerRegion.deleteMany({ where: { userId } });
    await tx.reviewerRegion.createMany({ data: regionCodes.map((regionCode) => ({ userId, regionCode })) });
    await tx.reviewerAffiliation.deleteMany({ where: { userId } });
    await tx.reviewerAffiliation.createMany({
      data: affiliations.map(({ kind, reference, label, startsOn, endsOn }) => ({ userId, kind, reference, label, startsOn, endsOn })),
    });
    const summary = (affiliations: ReadonlyArray<{ kind: string; reference: string }>) =>
      affiliations.map((affiliation) => `${affiliation.kind}:${affiliation.reference}`).sort();
    await recordAudit(tx, {
      actor: auditActor(viewer),
      action: "reviewer.profile_changed",
      target: { type: "User", id: userId },
      ip,
      details: {
        email: user.email,
        role: { from: user.staffRole, to: input.staffRole },
        regions: { from: user.reviewerRegions.map((region) => region.regionCode).sort(), to: regionCodes },
        affiliations: { from: summary(user.affiliations), to: summary(input.affiliations) },
        ...(flagged.length > 0 ? { newlyFlagged: flagged.map((assignment) => assignment.reference) } : {}),
      },
    });
    return { warning: flagged.length > 0 ? newlyFlaggedMessage(flagged, user.displayName) : null };
  });
}
