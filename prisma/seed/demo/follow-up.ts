import type { Db } from "@/lib/db/client";
import type { Prisma, ReviewTier, VerificationAction, VerificationState } from "@/lib/db/generated/client";
import { calendarDateToUtc } from "@/lib/applications/calendar-date";
import { loadDossierFacts } from "@/lib/applications/dossier-facts";
import { dossierReference } from "@/lib/applications/dossier-reference";
import { declarationContent, declaredObjectiveRows, storeDeclarationPdf } from "@/lib/follow-up/declaration-content";
import { loadFollowUpContext } from "@/lib/follow-up/load-follow-up-context";
import { endOfParisDay, tierDueAt } from "@/lib/follow-up/verification-rules";
import { indicatorsFromSnapshot } from "@/lib/roster/snapshot-breakdown";
import { type FileStorage, generateStorageKey } from "@/lib/storage";
import { parisToday } from "@/lib/time/paris";
import { cancelBalanceTranche } from "@/lib/follow-up/make-balance-due";

const DAY_MS = 86_400_000;
const daysBefore = (now: Date, days: number) => new Date(now.getTime() - days * DAY_MS);

type Step = { action: VerificationAction; tier: ReviewTier; from: VerificationState | null; to: VerificationState; daysAgo: number };
type Plan = { steps: Step[]; balancePaid?: boolean };

const declare = (tier: ReviewTier, to: VerificationState, daysAgo: number): Step => ({ action: "DECLARE", tier, from: null, to, daysAgo });

/**
 * The follow-up in the demo (ADR 0020, 0021), one selected dossier per stage, by creation order:
 * the pilot's (national only) settled, validated with its balance due, with the ANS, refused and
 * not yet declared; the generalisation's (ARS then ANS) with the ARS past its due date, and sent
 * back to the establishment by the ARS. Rows written as the use cases write them (declaration over
 * a DECLARATION snapshot, pre-checked from its figures, verification and its steps, verdicts,
 * balance tranche), and the declaration's PDF rendered and stored by the app's own code
 * (declaration-content.ts) in the storage given, so that it downloads like any other.
 */
const PILOT_PLANS: Plan[] = [
  {
    steps: [declare("NATIONAL", "WITH_ANS", 50), { action: "APPROVE", tier: "NATIONAL", from: "WITH_ANS", to: "VALIDATED", daysAgo: 35 }],
    balancePaid: true,
  },
  { steps: [declare("NATIONAL", "WITH_ANS", 30), { action: "APPROVE", tier: "NATIONAL", from: "WITH_ANS", to: "VALIDATED", daysAgo: 12 }] },
  { steps: [declare("NATIONAL", "WITH_ANS", 8)] },
  { steps: [declare("NATIONAL", "WITH_ANS", 25), { action: "REFUSE", tier: "NATIONAL", from: "WITH_ANS", to: "REFUSED", daysAgo: 9 }] },
];
const GENERALISATION_PLANS: Plan[] = [
  { steps: [declare("REGIONAL", "WITH_ARS", 40)] },
  {
    steps: [
      declare("REGIONAL", "WITH_ARS", 20),
      { action: "REQUEST_INFORMATION", tier: "REGIONAL", from: "WITH_ARS", to: "INFORMATION_REQUESTED", daysAgo: 6 },
    ],
  },
];

export async function seedFollowUp(
  db: Db,
  waves: { PILOT: string; GENERALISATION: string },
  managerId: string,
  now: Date,
  storage: FileStorage,
) {
  const [ans, ars] = await Promise.all([
    db.user.findFirst({ where: { staffRole: "REVIEWER" }, orderBy: { createdAt: "asc" }, select: { id: true } }),
    db.user.findFirst({ where: { staffRole: "REGIONAL_REVIEWER" }, orderBy: { createdAt: "asc" }, select: { id: true } }),
  ]);
  for (const [waveId, plans] of [
    [waves.PILOT, PILOT_PLANS],
    [waves.GENERALISATION, GENERALISATION_PLANS],
  ] as const) {
    const dossiers = await db.application.findMany({
      where: { waveId, state: "SELECTED" },
      orderBy: { createdAt: "asc" },
      select: { id: true, establishmentId: true },
    });
    if (dossiers.length < plans.length) throw new Error("demo: the wave needs a selected dossier per follow-up stage it shows");
    for (const [index, plan] of plans.entries()) {
      const dossier = dossiers[index]!;
      const actorOf = (tier: ReviewTier) => (tier === "REGIONAL" ? (ars?.id ?? null) : (ans?.id ?? null));
      const director = await db.membership.findFirst({
        where: { establishmentId: dossier.establishmentId, role: "DIRECTOR" },
        select: { user: { select: { id: true, displayName: true } } },
      });
      await seedDeclaration(db, storage, dossier, plan, now, { director: director?.user ?? null, actorOf, managerId });
    }
  }
}

async function seedDeclaration(
  db: Db,
  storage: FileStorage,
  dossier: { id: string; establishmentId: string },
  plan: Plan,
  now: Date,
  people: { director: { id: string; displayName: string } | null; actorOf: (tier: ReviewTier) => string | null; managerId: string },
) {
  const declaredAt = daysBefore(now, plan.steps[0]!.daysAgo);
  const figures = await db.indicatorSnapshot.findFirstOrThrow({
    where: { establishmentId: dossier.establishmentId, takenAt: { lte: declaredAt } },
    orderBy: { takenAt: "desc" },
    select: { active: true, registered: true, substantialId: true, rieCompliant: true, dmpReady: true, breakdown: true },
  });
  const snapshot = await db.indicatorSnapshot.create({
    data: {
      ...figures,
      breakdown: figures.breakdown as Prisma.InputJsonValue,
      establishmentId: dossier.establishmentId,
      applicationId: dossier.id,
      reason: "DECLARATION",
      takenAt: declaredAt,
    },
    select: { id: true },
  });
  const facts = await loadDossierFacts(db, dossier.id);
  const context = await loadFollowUpContext(db, facts);
  const wave = await db.wave.findUniqueOrThrow({ where: { id: facts.waveId }, select: { campaign: { select: { title: true } } } });
  const content = declarationContent({
    programme: wave.campaign.title,
    context,
    reference: dossierReference(facts.number),
    declaredAt,
    declaredBy: people.director?.displayName ?? "",
    indicators: indicatorsFromSnapshot({ ...figures, takenAt: declaredAt }),
    declared: context.objectives.map((objective) => ({
      code: objective.code,
      achieved: true,
      comment: "Objectif atteint d'après le registre et la procédure d'habilitation jointe.",
    })),
  });
  const pdfKey = generateStorageKey("result-declarations");
  const pdfHash = await storeDeclarationPdf(storage, pdfKey, content);
  const codes = content.objectives.map((objective) => objective.code);
  const declaration = await db.resultDeclaration.create({
    data: {
      applicationId: dossier.id,
      snapshotId: snapshot.id,
      declaredById: people.director?.id ?? null,
      declaredAt,
      pdfKey,
      pdfHash,
      objectives: { create: declaredObjectiveRows(content) },
    },
    select: { id: true },
  });
  const last = plan.steps.at(-1)!;
  const lastAt = daysBefore(now, last.daysAgo);
  const responseDueAt = last.action === "REQUEST_INFORMATION" ? endOfParisDay(parisToday(daysBefore(now, -15))) : null;
  await db.resultVerification.create({
    data: {
      declarationId: declaration.id,
      state: last.to,
      tier: last.tier,
      dueAt: responseDueAt ?? tierDueAt(lastAt, last.tier),
      version: plan.steps.length,
      steps: {
        create: plan.steps.map((step) => ({
          action: step.action,
          tier: step.tier,
          fromState: step.from,
          toState: step.to,
          actorId: step.action === "DECLARE" ? (people.director?.id ?? null) : people.actorOf(step.tier),
          at: daysBefore(now, step.daysAgo),
          message: step.action === "REQUEST_INFORMATION" ? "Joignez la liste des professionnels équipés d'une e-CPS, par service." : "",
          responseDueAt: step.action === "REQUEST_INFORMATION" ? responseDueAt : null,
          verdicts:
            step.action === "APPROVE" || step.action === "REFUSE"
              ? {
                  create: codes.map((objectiveCode, index) => ({
                    objectiveCode,
                    approved: step.action === "APPROVE" || index > 0,
                    reason:
                      step.action === "REFUSE" && index === 0 ? "Les justificatifs ne couvrent pas les professionnels intérimaires." : "",
                  })),
                }
              : undefined,
        })),
      },
    },
  });
  if (last.to === "REFUSED") await cancelBalanceTranche(db, dossier.id);
  if (last.to !== "VALIDATED") return;
  await db.tranche.updateMany({
    where: { applicationId: dossier.id, kind: "BALANCE" },
    data: plan.balancePaid
      ? {
          status: "PAID",
          dueAt: lastAt,
          orderedOn: calendarDateToUtc(parisToday(daysBefore(now, last.daysAgo - 10))),
          orderedById: people.managerId,
          paidOn: calendarDateToUtc(parisToday(daysBefore(now, last.daysAgo - 20))),
          paymentReference: "MDT-2026-000802",
          paidById: people.managerId,
        }
      : { status: "DUE", dueAt: lastAt },
  });
}
