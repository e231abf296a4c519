import type { Db } from "@/lib/db/client";
import type { ReviewTiers, TargetIndicator } from "@/lib/db/generated/enums";
import { createTranches } from "@/lib/follow-up/create-tranches";
import { createSubmittedDossier } from "./dossiers";
import type { EstablishmentOptions } from "./establishments";
import { insertRoster, type RosterCase } from "./roster";
import { createOpenWave } from "./waves";

export type TargetRow = { objectiveCode: string; indicator: TargetIndicator; thresholdPercent: number; dueDate: string };

/**
 * Test data for the follow-up: a dossier « retenu » by a released decision granting
 * `amountGrantedCents`, on a new wave whose schedule pays `advanceSharePercent` in advance and
 * whose objectives have `targets` and whose review (and so the verification of results) has
 * `reviewTiers`; its establishment's roster holds `roster` (none by default).
 * Its tranches are stored as the release stores them (the advance due, the balance planned).
 */
export async function createSelectedDossier(
  db: Db,
  options: EstablishmentOptions & {
    amountGrantedCents?: bigint;
    advanceSharePercent?: number | null;
    targets?: readonly TargetRow[];
    roster?: readonly RosterCase[];
    reviewTiers?: ReviewTiers;
  } = {},
) {
  const {
    amountGrantedCents = 1_000_001n,
    advanceSharePercent = 30,
    targets = [],
    roster = [],
    reviewTiers = "NATIONAL_ONLY",
    ...establishment
  } = options;
  const wave = await createOpenWave(db);
  await db.wave.update({
    where: { id: wave.waveId },
    data: {
      advanceSharePercent,
      reviewTiers,
      objectiveTargets: { create: targets.map((target) => ({ ...target, dueDate: new Date(`${target.dueDate}T00:00:00Z`) })) },
    },
  });
  const dossier = await createSubmittedDossier(db, wave, establishment);
  if (roster.length > 0) await insertRoster(db, dossier.establishment.id, roster, false);
  await db.application.update({ where: { id: dossier.id }, data: { state: "SELECTED", version: 5 } });
  await db.applicationTransition.create({ data: { applicationId: dossier.id, fromState: "SCORED", toState: "SELECTED" } });
  const releasedAt = new Date();
  const decision = await db.decision.create({
    data: { applicationId: dossier.id, waveId: wave.waveId, outcome: "SELECTED", amountGrantedCents, releasedAt },
    select: { id: true },
  });
  await createTranches(db, [{ applicationId: dossier.id, decisionId: decision.id, amountGrantedCents, releasedAt }], advanceSharePercent);
  return { ...dossier, wave, decisionId: decision.id };
}
