import { randomUUID } from "node:crypto";
import type { Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { withSiretKey } from "@/lib/identifiers/siret";
import { type EstablishmentOptions, establishmentWithDirector } from "./establishments";
import type { OpenWave } from "./waves";

type WaveRef = Pick<OpenWave, "waveId" | "versionId" | "objectives">;

/** Every section filled, so that only the evidence rules remain to satisfy. */
export function completeDossierContent(objectives: ReadonlyArray<{ id: string; required: boolean }>): Prisma.ApplicationUpdateInput {
  return {
    projectTitle: "Identification sécurisée des professionnels",
    projectSummary: "Enrôlement e-CPS de tous les salariés et clés FIDO2 pour les intérimaires.",
    iamPlan: "SSO interne, connecteur OIDC du DUI.",
    pscFederationPlan: "Pas en 2026 : priorité au 2FA.",
    partners: { create: [{ name: "Intégrateur régional", role: "INTEGRATOR", solution: "Accompagnement", position: 0 }] },
    mieStrategy: { create: [{ population: "SALARIED", mieTypes: ["E_CPS"], headcount: 40 }] },
    milestones: { create: [{ label: "Inventaire", dueDate: new Date("2026-12-15"), position: 0 }] },
    budgetLines: { create: [{ category: "EQUIPMENT", label: "Clés FIDO2", amountCents: 1_250_000n, position: 0 }] },
    assessments: {
      create: objectives
        .filter((objective) => objective.required)
        .map((objective) => ({
          objectiveId: objective.id,
          status: "IN_PROGRESS" as const,
          targetDate: new Date("2027-06-30"),
          explanation: "Enrôlement en cours.",
        })),
    },
  };
}

/** Fills every section of a draft so that only the evidence rules remain to satisfy. */
export async function fillDossier(db: Db, applicationId: string, objectives: ReadonlyArray<{ id: string; required: boolean }>) {
  await db.application.update({ where: { id: applicationId }, data: completeDossierContent(objectives) });
}

/** A draft of `establishmentId` on `wave`, started at `createdAt`; `complete` fills every section. */
export async function createDraft(db: Db, establishmentId: string, wave: WaveRef, options: { createdAt?: Date; complete?: boolean } = {}) {
  const draft = await db.application.create({
    data: { establishmentId, waveId: wave.waveId, waveVersionId: wave.versionId, createdAt: options.createdAt },
    select: { id: true },
  });
  if (options.complete) await fillDossier(db, draft.id, wave.objectives);
  return draft;
}

/** A submitted dossier of a new establishment (with its director), whose partner has `partnerSiret` (or a made-up one). */
/** A submitted dossier of a new establishment, or of the one given in `of` (its dossier in another wave). */
export async function createSubmittedDossier(
  db: Db,
  wave: WaveRef,
  options: EstablishmentOptions & { partnerSiret?: string; of?: Awaited<ReturnType<typeof establishmentWithDirector>> } = {},
) {
  const { partnerSiret, of, ...establishmentOptions } = options;
  const { establishment, director } =
    of ??
    (await establishmentWithDirector(db, {
      name: `EHPAD instruction ${randomUUID().slice(0, 6)}`,
      headcount: 40,
      ...establishmentOptions,
    }));
  const content = completeDossierContent(wave.objectives);
  const application = await db.application.create({
    data: {
      ...(content as object),
      establishmentId: establishment.id,
      waveId: wave.waveId,
      waveVersionId: wave.versionId,
      state: "SUBMITTED",
      version: 2,
      partners: {
        create: [
          {
            name: "Éditeur IAM",
            role: "IAM_SSO",
            position: 0,
            siret: partnerSiret ?? withSiretKey(`${String(Math.floor(Math.random() * 1e9)).padStart(9, "0")}0002`),
          },
        ],
      },
    } as never,
    select: { id: true },
  });
  await db.applicationTransition.create({ data: { applicationId: application.id, fromState: "DRAFT", toState: "SUBMITTED" } });
  return { id: application.id, establishment, director };
}
