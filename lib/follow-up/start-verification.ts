import type { DossierFacts } from "@/lib/applications/dossier-facts";
import type { Prisma } from "@/lib/db/generated/client";
import { AppError } from "@/lib/errors/app-error";
import { enqueueEmail } from "@/lib/notifications/outbox";
import { resultsDeclaredEmail } from "@/lib/notifications/results-declared";
import { verificationToCheckEmail } from "@/lib/notifications/verification-to-check";
import { nextVerificationState, TIER_LABELS, tierHolding } from "./verification-machine";
import { emailVerifiers } from "./verification-notices";
import { tierDueAt } from "./verification-rules";

/**
 * Starts the verification of a declaration just made, in its transaction: to the ARS of the
 * establishment's region when the wave has a regional tier, else straight to the ANS, due some days
 * after (verification-rules.ts); the first step of its history; the e-mails to the director
 * (receipt) and to the tier's verifiers.
 */
export async function startVerification(
  tx: Prisma.TransactionClient,
  input: { facts: DossierFacts; declarationId: string; actorId: string; now: Date },
) {
  const { facts, now } = input;
  const wave = await tx.wave.findUniqueOrThrow({ where: { id: facts.waveId }, select: { reviewTiers: true } });
  const next = nextVerificationState("NOT_DECLARED", "DECLARE", "ESTABLISHMENT", { tiers: wave.reviewTiers, askedBy: null });
  const tier = next.ok ? tierHolding(next.to) : null;
  if (!next.ok || !tier) throw new AppError("INVALID_STATE");
  const dueAt = tierDueAt(now, tier);
  const verification = await tx.resultVerification.create({
    data: {
      declarationId: input.declarationId,
      state: next.to,
      tier,
      dueAt,
      steps: { create: { action: "DECLARE", tier, toState: next.to, actorId: input.actorId, at: now } },
    },
    select: {
      id: true,
      state: true,
      declaration: { select: { pdfHash: true, application: { select: { establishment: { select: { name: true } } } } } },
    },
  });
  const establishment = verification.declaration.application.establishment.name;
  const director = await tx.user.findUniqueOrThrow({ where: { id: input.actorId }, select: { email: true } });
  const receipt = resultsDeclaredEmail({
    establishment,
    applicationId: facts.id,
    declaredAt: now,
    pdfHash: verification.declaration.pdfHash,
    nextTier: TIER_LABELS[tier],
    dueAt,
  });
  await enqueueEmail(tx, { dedupeKey: `results-declared:${verification.id}:${director.email}`, to: director.email, ...receipt });
  await emailVerifiers(
    tx,
    facts,
    tier,
    verificationToCheckEmail({ establishment, applicationId: facts.id, arrival: "declared", tier: TIER_LABELS[tier], dueAt }),
    `verification-arrived:${verification.id}:declared`,
  );
  return verification;
}
