import { requirePermission } from "@/lib/access/policy";
import { auditActor, type Viewer } from "@/lib/access/viewer";
import { STATE_LABELS } from "@/lib/applications/state-machine";
import { formatParisDateTime } from "@/lib/time/paris";
import { OUTCOME_LABELS } from "./labels";
import { recordAudit } from "@/lib/audit/record-audit";
import { type Db, db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { envelopeAfter, envelopeOverrideMessage, parseProposal, staleProposalMessage, type TStageDecisionInput } from "./proposal";
import { grantedCents, lockWaveForDecisions } from "./wave-lock";

/**
 * Stages a manager's proposal for a scored dossier (a waitlisted one too): invisible to the
 * applicant until the wave's release. It replaces the dossier's staged proposal, if any (kept as
 * history), when it is the one the manager saw (`replacing`): one staged since is a CONFLICT, marks which reviewers' comments the letter may quote, and refuses to pass the wave's
 * envelope without a written reason, which is audited on its own.
 */
/** `client`: the shared one, or the demo loader's own. */
export async function stageDecision(
  viewer: Viewer,
  input: TStageDecisionInput & { applicationId: string; ip: string | null },
  now = new Date(),
  client: Db = db,
) {
  requirePermission(viewer, "application:decide");
  const dossier = await client.application.findUnique({
    where: { id: input.applicationId },
    select: { id: true, state: true, waveId: true, budgetLines: { select: { amountCents: true } } },
  });
  if (!dossier) throw new AppError("NOT_FOUND");
  if (dossier.state !== "SCORED")
    throw new AppError(
      "INVALID_STATE",
      `Seul un dossier évalué reçoit une proposition de décision : celui-ci est « ${STATE_LABELS[dossier.state]} ».`,
    );
  const requestedCents = dossier.budgetLines.reduce((sum, line) => sum + line.amountCents, 0n);
  const parsed = parseProposal(input, requestedCents);
  if (!parsed.ok) throw new AppError("INVALID_INPUT", Object.values(parsed.fieldErrors)[0]![0], { fieldErrors: parsed.fieldErrors });
  const { proposal } = parsed;

  return client.$transaction(async (tx) => {
    const wave = await lockWaveForDecisions(tx, dossier.waveId);
    const staged = await tx.decision.findFirst({
      where: { applicationId: dossier.id, releasedAt: null, supersededAt: null },
      select: { id: true, amountGrantedCents: true, outcome: true, stagedAt: true, stagedBy: { select: { displayName: true } } },
    });
    if (input.replacing !== undefined && staged && staged.id !== input.replacing) {
      const other = { stagedAt: formatParisDateTime(staged.stagedAt), stagedBy: staged.stagedBy?.displayName ?? null };
      throw new AppError("CONFLICT", staleProposalMessage({ ...other, outcome: OUTCOME_LABELS[staged.outcome] }));
    }
    const envelope = envelopeAfter({
      envelopeCents: wave.fundingEnvelopeCents,
      grantedCents: await grantedCents(tx, dossier.waveId),
      replacedCents: staged?.amountGrantedCents ?? 0n,
      proposedCents: proposal.amountGrantedCents,
    });
    if (envelope.exceeds && !input.envelopeOverrideReason) {
      const message = envelopeOverrideMessage(envelope.afterCents, wave.fundingEnvelopeCents);
      throw new AppError("INVALID_INPUT", message, {
        fieldErrors: { envelopeOverrideReason: [message] },
        details: { envelopeExceeded: true },
      });
    }
    const envelopeOverrideReason = envelope.exceeds ? input.envelopeOverrideReason : null;
    if (staged) await tx.decision.update({ where: { id: staged.id }, data: { supersededAt: now } });
    const decision = await tx.decision.create({
      data: {
        applicationId: dossier.id,
        waveId: dossier.waveId,
        ...proposal,
        envelopeOverrideReason,
        stagedById: viewer.userId,
        stagedAt: now,
      },
      select: { id: true },
    });
    await markReleasableComments(tx, dossier.id, input);
    const actor = auditActor(viewer);
    const target = { type: "Application", id: dossier.id };
    await recordAudit(tx, {
      actor,
      action: "decision.staged",
      target,
      ip: input.ip,
      details: {
        decisionId: decision.id,
        // What the journal says this proposal replaced: the earlier one's decision and amount.
        replaced: staged
          ? { decisionId: staged.id, outcome: staged.outcome, amountGrantedCents: staged.amountGrantedCents?.toString() ?? null }
          : null,
        outcome: proposal.outcome,
        amountGrantedCents: proposal.amountGrantedCents?.toString() ?? null,
      },
    });
    if (envelopeOverrideReason) {
      await recordAudit(tx, {
        actor,
        action: "decision.envelope_overridden",
        target,
        ip: input.ip,
        details: {
          decisionId: decision.id,
          reason: envelopeOverrideReason,
          grantedCents: envelope.afterCents.toString(),
          envelopeCents: wave.fundingEnvelopeCents.toString(),
        },
      });
    }
    return { decisionId: decision.id, grantedCents: envelope.afterCents.toString(), envelopeCents: wave.fundingEnvelopeCents.toString() };
  });
}

type Writer = Parameters<Parameters<Db["$transaction"]>[0]>[0];

/** Exactly the listed comments of the dossier's reviews become releasable; ids of other dossiers change nothing. */
async function markReleasableComments(
  tx: Writer,
  applicationId: string,
  input: Pick<TStageDecisionInput, "releasableScoreIds" | "releasableReviewIds">,
) {
  const ofDossier = { review: { assignment: { applicationId } } };
  await tx.score.updateMany({
    where: { ...ofDossier, commentReleasable: true, id: { notIn: input.releasableScoreIds } },
    data: { commentReleasable: false },
  });
  await tx.score.updateMany({ where: { ...ofDossier, id: { in: input.releasableScoreIds } }, data: { commentReleasable: true } });
  await tx.review.updateMany({
    where: { assignment: { applicationId }, overallCommentReleasable: true, id: { notIn: input.releasableReviewIds } },
    data: { overallCommentReleasable: false },
  });
  await tx.review.updateMany({
    where: { assignment: { applicationId }, id: { in: input.releasableReviewIds } },
    data: { overallCommentReleasable: true },
  });
}
