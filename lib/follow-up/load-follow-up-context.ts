import type { DossierFacts } from "@/lib/applications/dossier-facts";
import type { Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { AppError } from "@/lib/errors/app-error";
import { dayToIsoDate, toDay } from "@/lib/roster/dates";
import type { TargetSetting } from "./targets";

type Reader = Pick<Db, "application"> | Prisma.TransactionClient;

export const NOT_SELECTED_MESSAGE = "Le suivi ne concerne que les dossiers retenus.";

/**
 * What the follow-up of a selected dossier starts from: its objectives (the wave version it was
 * filed on), each with the wave's targets, the amount granted by the released decision and the
 * wave's advance share. INVALID_STATE for a dossier that is not « retenu ».
 */
export async function loadFollowUpContext(client: Reader, facts: DossierFacts) {
  if (facts.state !== "SELECTED") throw new AppError("INVALID_STATE", NOT_SELECTED_MESSAGE);
  const row = await client.application.findUniqueOrThrow({
    where: { id: facts.id },
    select: {
      projectTitle: true,
      establishment: { select: { name: true, finessEt: true } },
      waveVersion: { select: { objectives: { orderBy: { position: "asc" }, select: { code: true, title: true } } } },
      wave: {
        select: {
          title: true,
          advanceSharePercent: true,
          reviewTiers: true,
          objectiveTargets: {
            orderBy: { indicator: "asc" },
            select: { objectiveCode: true, indicator: true, thresholdPercent: true, dueDate: true },
          },
        },
      },
      decisions: {
        where: { outcome: "SELECTED", releasedAt: { not: null } },
        orderBy: { releasedAt: "desc" },
        take: 1,
        select: { amountGrantedCents: true, releasedAt: true },
      },
    },
  });
  const objectives = row.waveVersion.objectives.map((objective) => ({
    ...objective,
    targets: row.wave.objectiveTargets
      .filter((target) => target.objectiveCode === objective.code)
      .map((target): TargetSetting => ({
        indicator: target.indicator,
        thresholdPercent: target.thresholdPercent,
        dueDate: dayToIsoDate(toDay(target.dueDate)),
      })),
  }));
  return {
    projectTitle: row.projectTitle,
    establishment: row.establishment,
    waveTitle: row.wave.title,
    advanceSharePercent: row.wave.advanceSharePercent,
    reviewTiers: row.wave.reviewTiers,
    grant: row.decisions[0] ?? null,
    objectives,
  };
}

export type FollowUpContext = Awaited<ReturnType<typeof loadFollowUpContext>>;
