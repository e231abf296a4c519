import type { Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { DEFAULT_OBJECTIVES } from "@/lib/campaigns/programme-defaults";

/**
 * Test helpers shared by the integration and end-to-end tests: a wave with the programme's
 * objectives, and a dossier filled in every section.
 */

/** A campaign and a wave open since yesterday, closing at `closesAt`, with the programme's objectives. */
export async function createWaveWithObjectives(db: Db, closesAt: Date) {
  const campaign = await db.campaign.create({ data: { slug: `c-${crypto.randomUUID().slice(0, 8)}`, title: "HospiConnect", description: "" } });
  const wave = await db.wave.create({
    data: {
      campaignId: campaign.id,
      kind: "GENERALISATION",
      title: "Vague test",
      year: 2026,
      opensAt: new Date(Date.now() - 86_400_000),
      closesAt,
      fundingEnvelopeCents: 0n,
      versions: { create: { number: 1, objectives: { create: DEFAULT_OBJECTIVES.map((objective, position) => ({ ...objective, position })) } } },
    },
    include: { versions: { include: { objectives: { orderBy: { position: "asc" } } } } },
  });
  return { wave, version: wave.versions[0]! };
}

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
        .map((objective) => ({ objectiveId: objective.id, status: "IN_PROGRESS" as const, targetDate: new Date("2027-06-30"), explanation: "Enrôlement en cours." })),
    },
  };
}

/** A draft dossier of `establishmentId` on a wave made by createWaveWithObjectives, started at `createdAt`. */
export async function createDraft(db: Db, establishmentId: string, wave: { id: string; versions: ReadonlyArray<{ id: string }> }, createdAt = new Date()) {
  return db.application.create({ data: { establishmentId, waveId: wave.id, waveVersionId: wave.versions[0]!.id, createdAt }, select: { id: true } });
}
