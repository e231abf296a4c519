import { requirePermission } from "@/lib/access/policy";
import { auditActor, type Viewer } from "@/lib/access/viewer";
import { notifyMembers } from "@/lib/applications/notify-members";
import { writeTransitions } from "@/lib/applications/write-transition";
import { writeWaveFields } from "@/lib/campaigns/write-wave-fields";
import type { Prisma } from "@/lib/db/generated/client";
import { AppError } from "@/lib/errors/app-error";
import { requestDelivery } from "@/lib/jobs/worker";
import { parisDateTime, parisLocalTimeProblem } from "@/lib/time/paris";
import type { TReviewSettingsInput } from "./assignment-schemas";
import { isReviewComplete } from "./tier-completion";

const instant = (local: string) => (local ? parisDateTime(local) : null);

type DueDates = { regionalReviewDueAt: Date | null; nationalReviewDueAt: Date | null };

/**
 * A due date set or moved must be ahead (reviewers assigned then would be late at once, and told
 * so by e-mail); one already passed may stay while another setting changes. The regional tier
 * hands its dossiers to the national one, so it is due first.
 */
function dueDateProblems(next: DueDates, stored: DueDates, now: Date): Partial<Record<keyof DueDates, string>> {
  const problems: Partial<Record<keyof DueDates, string>> = {};
  for (const field of ["regionalReviewDueAt", "nationalReviewDueAt"] as const) {
    const dueAt = next[field];
    if (dueAt && dueAt.getTime() !== stored[field]?.getTime() && dueAt <= now) {
      problems[field] = "Choisissez une échéance à venir : celle-ci est déjà passée.";
    }
  }
  const { regionalReviewDueAt: regional, nationalReviewDueAt: national } = next;
  if (!problems.nationalReviewDueAt && regional && national && national <= regional) {
    problems.nationalReviewDueAt = "L'échéance du niveau national doit suivre celle du niveau régional.";
  }
  return problems;
}

/** The regional tier comes first: once the ANS has judged a dossier of the wave, or it left review, it is too late for it. */
export const REGIONAL_TIER_TOO_LATE =
  "Des dossiers de cette vague ont déjà été évalués au niveau national : le niveau régional ne peut plus être ajouté.";

type Tx = Prisma.TransactionClient;

/** Whether a dossier of the wave has a national review transmitted, or has been scored (by its reviews or by hand) or decided. */
async function nationallyJudged(tx: Tx, waveId: string): Promise<boolean> {
  const dossier = await tx.application.findFirst({
    where: {
      waveId,
      OR: [
        { state: { in: ["SCORED", "SELECTED", "REJECTED"] } },
        { assignments: { some: { tier: "NATIONAL", review: { status: "SUBMITTED" } } } },
      ],
    },
    select: { id: true },
  });
  return dossier !== null;
}

/**
 * The wave's dossiers in review whose tiers the settings now complete (fewer reviewers per dossier,
 * or the regional tier taken off) become « évalué » in the same transaction, as when their last
 * review came in (`completeScoringIfDone`): the state machine's move, its audit, the members'
 * e-mail – in bulk, since a wave may hold thousands. A dossier paused on a request for information
 * is scored when the establishment answers.
 */
async function completeScoringOfWave(tx: Tx, waveId: string, viewer: Viewer, ip: string | null, now: Date): Promise<string[]> {
  // The dossiers' locks first, in one order (`lockDossierForReview`): a review transmitted meanwhile
  // was counted under the former settings, and is counted here once it commits. A paused dossier is
  // locked too: the establishment's answer may be bringing it back into review under them.
  await tx.$queryRaw`
    SELECT "id" FROM "Application"
    WHERE "waveId" = ${waveId}::uuid AND "state" IN ('UNDER_REVIEW', 'INFORMATION_REQUESTED')
    ORDER BY "id" FOR UPDATE`;
  const [wave, dossiers] = await Promise.all([
    tx.wave.findUniqueOrThrow({ where: { id: waveId }, select: { reviewTiers: true, reviewersPerDossier: true } }),
    tx.application.findMany({
      where: { waveId, state: "UNDER_REVIEW" },
      orderBy: { id: "asc" },
      select: {
        id: true,
        state: true,
        version: true,
        assignments: { select: { tier: true, conflict: { select: { hasConflict: true } }, review: { select: { status: true } } } },
      },
    }),
  ]);
  const complete = dossiers.filter((dossier) =>
    isReviewComplete(
      wave.reviewTiers,
      wave.reviewersPerDossier,
      dossier.assignments.map((assignment) => ({
        tier: assignment.tier,
        hasConflict: assignment.conflict?.hasConflict ?? null,
        submitted: assignment.review?.status === "SUBMITTED",
      })),
    ),
  );
  if (complete.length === 0) return [];
  await notifyMembers(
    tx,
    await writeTransitions(tx, { applications: complete, action: "completeScoring", actor: "REVIEWER", by: auditActor(viewer), ip, now }),
  );
  return complete.map((dossier) => dossier.id);
}

/**
 * The wave's review settings: one tier or two, each tier's due date, k reviewers per dossier,
 * reviewers named or anonymous to each other. They belong to the wave, not to a version (ADR 0007);
 * a wave with regional assignments keeps its regional tier, and one whose dossiers the ANS has
 * judged does not gain it. Audited with before and after; the dossiers whose review the change
 * completes are scored.
 */
export async function updateReviewSettings(
  viewer: Viewer,
  waveId: string,
  input: TReviewSettingsInput & { ip: string | null },
  now = new Date(),
) {
  requirePermission(viewer, "reviewer:assign");
  for (const field of ["regionalReviewDueAt", "nationalReviewDueAt"] as const) {
    const problem = input[field] ? parisLocalTimeProblem(input[field]) : null;
    if (problem) throw new AppError("INVALID_INPUT", problem, { fieldErrors: { [field]: [problem] } });
  }
  const next = {
    reviewTiers: input.reviewTiers,
    regionalReviewDueAt: input.reviewTiers === "REGIONAL_THEN_NATIONAL" ? instant(input.regionalReviewDueAt) : null,
    nationalReviewDueAt: instant(input.nationalReviewDueAt),
    reviewersPerDossier: input.reviewersPerDossier,
    reviewersAnonymous: input.reviewersAnonymous,
  };
  const result = await writeWaveFields(viewer, waveId, next, {
    expectedVersion: input.expectedVersion,
    action: "wave.review_settings_changed",
    ip: input.ip,
    check: async (tx, stored) => {
      if (
        next.reviewTiers === "NATIONAL_ONLY" &&
        (await tx.reviewerAssignment.count({ where: { tier: "REGIONAL", application: { waveId } } })) > 0
      ) {
        const message = "Des dossiers de cette vague ont déjà des instructeurs d'ARS : le niveau régional ne peut plus être retiré.";
        throw new AppError("INVALID_INPUT", message, { fieldErrors: { reviewTiers: [message] } });
      }
      if (stored.reviewTiers === "NATIONAL_ONLY" && next.reviewTiers === "REGIONAL_THEN_NATIONAL" && (await nationallyJudged(tx, waveId))) {
        throw new AppError("INVALID_INPUT", REGIONAL_TIER_TOO_LATE, { fieldErrors: { reviewTiers: [REGIONAL_TIER_TOO_LATE] } });
      }
      const problems = dueDateProblems(next, stored, now);
      if (Object.keys(problems).length > 0) {
        throw new AppError("INVALID_INPUT", Object.values(problems)[0], {
          fieldErrors: Object.fromEntries(Object.entries(problems).map(([field, message]) => [field, [message]])),
        });
      }
    },
    afterWrite: async (tx, changes) =>
      changes.reviewTiers || changes.reviewersPerDossier ? completeScoringOfWave(tx, waveId, viewer, input.ip, now) : [],
  });
  const scored = result.after ?? [];
  if (scored.length > 0) requestDelivery();
  return { changed: result.changed, scored, version: result.version };
}
