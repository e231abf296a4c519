import { authorizeVerification } from "@/lib/access/policy";
import { auditActor, type Viewer } from "@/lib/access/viewer";
import { loadDossierFacts } from "@/lib/applications/dossier-facts";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db/client";
import type { VerificationAction } from "@/lib/db/generated/enums";
import { AppError } from "@/lib/errors/app-error";
import { requestDelivery } from "@/lib/jobs/worker";
import { verificationApprovedByArsEmail } from "@/lib/notifications/verification-approved-by-ars";
import { verificationConcludedEmail } from "@/lib/notifications/verification-concluded";
import { verificationInformationRequestedEmail } from "@/lib/notifications/verification-information-requested";
import { verificationToCheckEmail } from "@/lib/notifications/verification-to-check";
import { assertVersion, loadVerificationForUpdate } from "./load-verification-for-update";
import { cancelBalanceTranche, makeBalanceTrancheDue } from "./make-balance-due";
import { nextVerificationState, TIER_LABELS, tierHolding } from "./verification-machine";
import { emailEstablishment, emailVerifiers } from "./verification-notices";
import { endOfParisDay, tierDueAt, tierVerdict, type Verdict, verdictProblems } from "./verification-rules";
import type { TVerificationStepInput } from "./verification-schema";

export const NOT_AWAITING_DECISION_MESSAGE = "Cette déclaration n'attend pas de décision de votre part.";

/**
 * A tier's step on the declaration it holds (the ARS on WITH_ARS, the ANS on WITH_ANS): its
 * decision objective by objective (all approved: the declaration moves on; one refused: it is
 * refused), or a request for information with a message and a new deadline. Under the dossier's
 * row lock and the verification's version, in one transaction with its history line, the audit
 * entry and the e-mails; a validation makes the balance tranche due, a refusal cancels it, in the
 * same transaction, and the establishment's e-mail says so with its amount.
 */
export async function recordVerificationStep(
  viewer: Viewer,
  applicationId: string,
  input: TVerificationStepInput & { ip: string | null; now?: Date },
) {
  const now = input.now ?? new Date();
  authorizeVerification(viewer, await loadDossierFacts(db, applicationId), "read");
  const result = await db.$transaction(async (tx) => {
    const { facts, verification } = await loadVerificationForUpdate(tx, applicationId);
    authorizeVerification(viewer, facts, "read");
    // A page shown before someone else's step says so first, whatever that step changed.
    assertVersion(verification, input.version);
    const tier = tierHolding(verification.state);
    if (!tier) throw new AppError("INVALID_STATE", NOT_AWAITING_DECISION_MESSAGE);
    authorizeVerification(viewer, facts, tier);

    const verdicts: Verdict[] =
      input.step === "decide"
        ? input.objectives.map((objective) => ({
            objectiveCode: objective.objectiveCode,
            approved: objective.decision === "approve",
            reason: objective.reason,
          }))
        : [];
    if (input.step === "decide") {
      const problems = verdictProblems(verification.declaration.objectives, verdicts);
      if (Object.keys(problems).length > 0)
        throw new AppError(
          "INVALID_INPUT",
          "Décidez de chaque objectif déclaré, une fois, et motivez chaque refus ou approbation signalée.",
          {
            fieldErrors: problems,
          },
        );
    }
    const responseDueAt = input.step === "requestInformation" ? endOfParisDay(input.responseDueOn) : null;
    if (responseDueAt && responseDueAt <= now)
      throw new AppError("INVALID_INPUT", "La date limite de réponse doit être dans le futur.", {
        fieldErrors: { responseDueOn: ["La date limite de réponse doit être dans le futur."] },
      });

    const action: VerificationAction = input.step === "decide" ? tierVerdict(verdicts) : "REQUEST_INFORMATION";
    const context = { tiers: verification.declaration.application.wave.reviewTiers, askedBy: null };
    const next = nextVerificationState(verification.state, action, tier, context);
    if (!next.ok) throw new AppError("INVALID_STATE", NOT_AWAITING_DECISION_MESSAGE);
    const nextTier = tierHolding(next.to);
    const dueAt = responseDueAt ?? (nextTier ? tierDueAt(now, nextTier) : now);
    const moved = await tx.resultVerification.updateMany({
      where: { id: verification.id, version: verification.version },
      data: { state: next.to, tier: nextTier ?? tier, dueAt, version: { increment: 1 } },
    });
    if (moved.count !== 1) throw new AppError("CONFLICT");
    const step = await tx.verificationStep.create({
      data: {
        verificationId: verification.id,
        action,
        tier,
        fromState: verification.state,
        toState: next.to,
        actorId: viewer.userId,
        at: now,
        message: input.step === "requestInformation" ? input.message : "",
        responseDueAt,
        verdicts: { create: verdicts },
      },
      select: { id: true },
    });
    const balance =
      next.to === "VALIDATED"
        ? await makeBalanceTrancheDue(tx, facts.id, now)
        : next.to === "REFUSED"
          ? await cancelBalanceTranche(tx, facts.id)
          : null;
    await recordAudit(tx, {
      actor: auditActor(viewer),
      action: `follow_up.verification_${action.toLowerCase()}`,
      target: { type: "Application", id: facts.id },
      ip: input.ip,
      details: {
        verificationId: verification.id,
        stepId: step.id,
        tier,
        from: verification.state,
        to: next.to,
        ...(responseDueAt ? { responseDueAt: responseDueAt.toISOString() } : {}),
        verdicts: verdicts.map((verdict) => ({ code: verdict.objectiveCode, approved: verdict.approved })),
      },
    });

    const establishment = verification.declaration.application.establishment.name;
    const titles = new Map(
      verification.declaration.application.waveVersion.objectives.map((objective) => [objective.code, objective.title]),
    );
    const mail = { establishment, applicationId: facts.id };
    const key = `verification-step:${step.id}`;
    if (next.to === "INFORMATION_REQUESTED" && input.step === "requestInformation")
      await emailEstablishment(
        tx,
        facts.establishmentId,
        verificationInformationRequestedEmail({ ...mail, tier: TIER_LABELS[tier], message: input.message, responseDueAt: dueAt }),
        key,
      );
    else if (next.to === "WITH_ANS") {
      await emailEstablishment(tx, facts.establishmentId, verificationApprovedByArsEmail(mail), key);
      await emailVerifiers(
        tx,
        facts,
        "NATIONAL",
        verificationToCheckEmail({ ...mail, arrival: "approvedByArs", tier: "ANS", dueAt }),
        `${key}:verifiers`,
      );
    } else if (next.to === "VALIDATED" || next.to === "REFUSED")
      await emailEstablishment(
        tx,
        facts.establishmentId,
        verificationConcludedEmail({
          ...mail,
          outcome: next.to,
          by: TIER_LABELS[tier],
          refusals: verdicts
            .filter((verdict) => !verdict.approved)
            .map((verdict) => ({ ...verdict, title: titles.get(verdict.objectiveCode) ?? "" })),
          balanceCents: balance?.changed ? balance.amountCents : null,
        }),
        key,
      );
    return { state: next.to, stepId: step.id };
  });
  requestDelivery();
  return result;
}
