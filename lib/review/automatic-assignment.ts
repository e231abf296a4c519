import { createHash, randomUUID } from "node:crypto";
import { requirePermission } from "@/lib/access/policy";
import { auditActor, type Viewer } from "@/lib/access/viewer";
import { notifyMembers } from "@/lib/applications/notify-members";
import { writeTransitions } from "@/lib/applications/write-transition";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { requestDelivery } from "@/lib/jobs/worker";
import { outboxRow } from "@/lib/notifications/outbox";
import { reviewAssignedEmail } from "@/lib/notifications/review-assigned";
import { type AssignmentInputs, loadAssignmentInputs } from "./assignment-inputs";
import { type AssignmentPlan, planAssignments } from "./assignment-plan";
import type { TAutomaticAssignmentInput } from "./assignment-schemas";
import { CONFLICT_FLAG_LABELS } from "./conflicts";
import { effectiveDueAt } from "./due-dates";

function plan(inputs: AssignmentInputs, request: TAutomaticAssignmentInput): AssignmentPlan {
  return planAssignments({
    k: inputs.wave.reviewersPerDossier,
    reviewers: inputs.planReviewers((reviewerId) => request.caps[reviewerId] ?? request.defaultCap),
    dossiers: inputs.planDossiers,
  });
}

/** What a plan is: the same fingerprint means the same pairs for the same wave and tier. */
function fingerprintOf(inputs: AssignmentInputs, result: AssignmentPlan): string {
  const pairs = result.assignments.map((pair) => `${pair.dossierId}:${pair.reviewerId}`).sort();
  return createHash("sha256")
    .update(JSON.stringify([inputs.wave.id, inputs.tier, pairs]))
    .digest("hex");
}

/**
 * The preview of an automatic assignment: who would get what, each reviewer's load before and
 * after, and the dossiers left with fewer than k reviewers, with why. Writes nothing.
 */
export async function previewAutomaticAssignment(viewer: Viewer, waveId: string, request: TAutomaticAssignmentInput, now = new Date()) {
  requirePermission(viewer, "reviewer:assign");
  const inputs = await loadAssignmentInputs(db, waveId, request.tier, now);
  const result = plan(inputs, request);
  const dossierOf = new Map(inputs.dossiers.map((dossier) => [dossier.id, dossier]));
  const reviewerOf = new Map(inputs.reviewers.map((reviewer) => [reviewer.id, reviewer]));
  return {
    fingerprint: fingerprintOf(inputs, result),
    k: inputs.wave.reviewersPerDossier,
    assignments: result.assignments.map((pair) => ({
      applicationId: pair.dossierId,
      establishment: dossierOf.get(pair.dossierId)!.establishment.name,
      reviewerId: pair.reviewerId,
      reviewer: reviewerOf.get(pair.reviewerId)!.displayName,
    })),
    reviewers: inputs.reviewers.map((reviewer) => ({
      id: reviewer.id,
      name: reviewer.displayName,
      before: inputs.loadOf.get(reviewer.id) ?? 0,
      after: result.loads[reviewer.id] ?? 0,
      cap: request.caps[reviewer.id] ?? request.defaultCap,
    })),
    shortfalls: result.shortfalls.map((shortfall) => ({
      ...shortfall,
      establishment: dossierOf.get(shortfall.dossierId)!.establishment.name,
      flags: [...new Set([...(inputs.flags.get(shortfall.dossierId)?.values() ?? [])].flat())].map((flag) => CONFLICT_FLAG_LABELS[flag]),
    })),
  };
}

export type AutomaticAssignmentPreview = Awaited<ReturnType<typeof previewAutomaticAssignment>>;

/**
 * Applies the plan the manager previewed, in one transaction: the wave's row is locked (two
 * managers cannot apply at once), the plan is computed again from the rows as they are now, and
 * written only if it is still the previewed one (else CONFLICT: preview again). Existing
 * assignments are kept, so a re-run only fills gaps. Dossiers getting their first reviewer go
 * « en instruction » through the state machine; each assignment is audited; each reviewer gets
 * one e-mail listing their new dossiers.
 */
export async function applyAutomaticAssignment(
  viewer: Viewer,
  waveId: string,
  request: TAutomaticAssignmentInput & { fingerprint: string; ip: string | null },
  now = new Date(),
) {
  requirePermission(viewer, "reviewer:assign");
  const operationId = randomUUID();
  const written = await db.$transaction(
    async (tx) => {
      await tx.$queryRaw`SELECT "id" FROM "Wave" WHERE "id" = ${waveId}::uuid FOR UPDATE`;
      const inputs = await loadAssignmentInputs(tx, waveId, request.tier, now);
      const result = plan(inputs, request);
      if (fingerprintOf(inputs, result) !== request.fingerprint) {
        throw new AppError(
          "CONFLICT",
          "Les dossiers ou les instructeurs ont changé depuis l'aperçu : relancez l'aperçu avant d'appliquer.",
        );
      }
      if (result.assignments.length === 0) return { assigned: 0, startedReview: 0 };

      const ids = result.assignments.map(() => randomUUID());
      await tx.$executeRawUnsafe(
        `INSERT INTO "ReviewerAssignment" ("id", "applicationId", "reviewerId", "assignedById", "assignedAt", "tier")
         SELECT u.id, u.application, u.reviewer, $4::uuid, $5, $6::"ReviewTier"
         FROM unnest($1::uuid[], $2::uuid[], $3::uuid[]) AS u(id, application, reviewer)`,
        ids,
        result.assignments.map((pair) => pair.dossierId),
        result.assignments.map((pair) => pair.reviewerId),
        viewer.userId,
        now,
        request.tier,
      );
      // Names beside the ids: the log is read by people, and a name can change afterwards.
      const dossierOf = new Map(inputs.dossiers.map((dossier) => [dossier.id, dossier]));
      const reviewerNames = new Map(inputs.reviewers.map((reviewer) => [reviewer.id, reviewer.displayName]));
      await tx.auditEvent.createMany({
        data: result.assignments.map((pair, index) => ({
          actorId: viewer.userId,
          actorLabel: viewer.email,
          action: "review.assigned",
          targetType: "ReviewerAssignment",
          targetId: ids[index]!,
          ip: request.ip,
          details: {
            establishment: dossierOf.get(pair.dossierId)!.establishment.name,
            reviewer: reviewerNames.get(pair.reviewerId),
            applicationId: pair.dossierId,
            reviewerId: pair.reviewerId,
            tier: request.tier,
            automatic: true,
            operationId,
          },
        })),
      });
      const reached = new Set(result.assignments.map((pair) => pair.dossierId));
      const starting = inputs.dossiers.filter((dossier) => dossier.state === "SUBMITTED" && reached.has(dossier.id));
      await notifyMembers(
        tx,
        await writeTransitions(tx, {
          applications: starting,
          action: "startReview",
          actor: "PROGRAMME_MANAGER",
          by: auditActor(viewer),
          now,
          ip: request.ip,
        }),
      );

      const dueAt = effectiveDueAt({ tier: request.tier, dueAt: null }, inputs.wave);
      const establishmentsOf = new Map<string, string[]>();
      for (const pair of result.assignments)
        establishmentsOf.set(pair.reviewerId, [
          ...(establishmentsOf.get(pair.reviewerId) ?? []),
          dossierOf.get(pair.dossierId)!.establishment.name,
        ]);
      await tx.outboxEmail.createMany({
        data: inputs.reviewers.flatMap((reviewer) => {
          const establishments = establishmentsOf.get(reviewer.id);
          if (!establishments) return [];
          const email = reviewAssignedEmail({ wave: inputs.wave.title, tier: request.tier, establishments, dueAt });
          return [
            outboxRow({
              dedupeKey: `review-assigned:${operationId}:${reviewer.id}`,
              to: reviewer.email,
              subject: email.subject,
              text: email.text,
            }),
          ];
        }),
      });
      await recordAudit(tx, {
        actor: auditActor(viewer),
        action: "review.automatic_assignment_applied",
        target: { type: "Wave", id: waveId },
        ip: request.ip,
        details: {
          operationId,
          tier: request.tier,
          assigned: result.assignments.length,
          shortfalls: result.shortfalls.length,
          defaultCap: request.defaultCap,
          caps: request.caps,
          fingerprint: request.fingerprint,
        },
      });
      return { assigned: result.assignments.length, startedReview: starting.length };
    },
    { timeout: 120_000 },
  );
  requestDelivery();
  return written;
}
