import { randomUUID } from "node:crypto";
import type { Viewer } from "@/lib/access/viewer";
import { completeDossierContent, createWaveWithObjectives } from "@/lib/applications/testing/dossier-fixtures";
import { writeCriterionLinks } from "@/lib/campaigns/criterion-objectives";
import { DEFAULT_CRITERIA, DEFAULT_CRITERION_OBJECTIVES } from "@/lib/campaigns/programme-defaults";
import type { Db } from "@/lib/db/client";
import type { AffiliationKind, ReviewTiers, StaffRole } from "@/lib/db/generated/enums";
import { withFinessKey } from "@/lib/identifiers/finess";
import { withSiretKey } from "@/lib/identifiers/siret";

/**
 * Test data for the review: a wave with the programme's objectives and grid (criteria linked to
 * objectives), submitted dossiers, reviewers with regions and affiliations. Shared by the
 * integration and end-to-end tests; every function takes the database to write to.
 */
let counter = Math.floor(Math.random() * 400_000);

export async function createReviewWave(db: Db, options: { reviewTiers?: ReviewTiers; k?: number; anonymous?: boolean; regionalDueAt?: Date | null; nationalDueAt?: Date | null } = {}) {
  const { wave, version } = await createWaveWithObjectives(db, new Date(Date.now() - 3_600_000));
  await db.wave.update({
    where: { id: wave.id },
    data: {
      title: `Vague d'instruction ${randomUUID().slice(0, 6)}`,
      reviewTiers: options.reviewTiers ?? "NATIONAL_ONLY",
      reviewersPerDossier: options.k ?? 2,
      reviewersAnonymous: options.anonymous ?? false,
      regionalReviewDueAt: options.regionalDueAt ?? null,
      nationalReviewDueAt: options.nationalDueAt ?? null,
    },
  });
  await db.criterion.createMany({ data: DEFAULT_CRITERIA.map((criterion, position) => ({ ...criterion, position, waveVersionId: version.id })) });
  await writeCriterionLinks(db, version.id, DEFAULT_CRITERIA.map((criterion) => ({ code: criterion.code, objectiveCodes: DEFAULT_CRITERION_OBJECTIVES[criterion.code] ?? [] })));
  const criteria = await db.criterion.findMany({ where: { waveVersionId: version.id }, orderBy: { position: "asc" } });
  return { waveId: wave.id, versionId: version.id, objectives: version.objectives, criteria, title: (await db.wave.findUniqueOrThrow({ where: { id: wave.id } })).title };
}

/** A submitted dossier of a new establishment (region, EJ, SIRET and partner's SIRET chosen or made up), with its director. */
export async function createSubmittedDossier(
  db: Db,
  wave: { waveId: string; versionId: string; objectives: ReadonlyArray<{ id: string; required: boolean }> },
  options: { regionCode?: string; departmentCode?: string; finessEj?: string; siret?: string; partnerSiret?: string; name?: string } = {},
) {
  counter += 3;
  const department = options.departmentCode ?? "79";
  const establishment = await db.establishment.create({
    data: {
      name: options.name ?? `EHPAD instruction ${counter}`,
      finessEt: withFinessKey(`${department}${String(counter).padStart(6, "0")}`),
      finessEj: options.finessEj ?? withFinessKey(`${department}${String(counter + 1).padStart(6, "0")}`),
      siret: options.siret ?? withSiretKey(`${String(counter).padStart(9, "0")}0001`),
      categoryCode: "500",
      regionCode: options.regionCode ?? "75",
      departmentCode: department,
      city: "Niort",
      headcount: 40,
      memberships: { create: { role: "DIRECTOR", user: { create: { email: `direction.${randomUUID().slice(0, 8)}@test.fr`, displayName: "Direction" } } } },
    },
  });
  const content = completeDossierContent(wave.objectives);
  const application = await db.application.create({
    data: {
      ...(content as object),
      establishmentId: establishment.id,
      waveId: wave.waveId,
      waveVersionId: wave.versionId,
      state: "SUBMITTED",
      version: 2,
      partners: { create: [{ name: "Éditeur IAM", role: "IAM_SSO", position: 0, siret: options.partnerSiret ?? withSiretKey(`${String(counter + 2).padStart(9, "0")}0001`) }] },
    } as never,
  });
  await db.applicationTransition.create({ data: { applicationId: application.id, fromState: "DRAFT", toState: "SUBMITTED" } });
  return { id: application.id, establishment };
}

export type ReviewerOptions = {
  role?: Extract<StaffRole, "REVIEWER" | "REGIONAL_REVIEWER">;
  regions?: string[];
  affiliations?: Array<{ kind: AffiliationKind; reference: string; startsOn?: Date; endsOn?: Date | null }>;
  name?: string;
};

export async function createReviewer(db: Db, options: ReviewerOptions = {}): Promise<Viewer> {
  const role = options.role ?? "REVIEWER";
  const email = `${role === "REVIEWER" ? "instructeur" : "ars"}.${randomUUID().slice(0, 8)}@test.fr`;
  const user = await db.user.create({
    data: {
      email,
      displayName: options.name ?? `Instructeur ${email.slice(0, 14)}`,
      staffRole: role,
      reviewerRegions: { create: (options.regions ?? []).map((regionCode) => ({ regionCode })) },
      affiliations: {
        create: (options.affiliations ?? []).map((affiliation) => ({ kind: affiliation.kind, reference: affiliation.reference, startsOn: affiliation.startsOn ?? new Date("2015-01-01"), endsOn: affiliation.endsOn ?? null })),
      },
    },
  });
  return { userId: user.id, email: user.email, displayName: user.displayName, staffRole: role, memberships: [], sessionId: randomUUID(), regionCodes: options.regions ?? [] };
}

/** A score sheet with every criterion scored (optional ones « sans objet » when asked). */
export function completeSheet(criteria: ReadonlyArray<{ id: string; required: boolean; scaleMax: number }>, options: { notApplicable?: boolean; value?: number } = {}) {
  return {
    overallComment: "Projet solide, calendrier réaliste.",
    scores: Object.fromEntries(
      criteria.map((criterion) => [
        criterion.id,
        options.notApplicable && !criterion.required
          ? { value: "", notApplicable: true, comment: "" }
          : { value: String(Math.min(options.value ?? 3, criterion.scaleMax)), notApplicable: false, comment: "Conforme." },
      ]),
    ),
  };
}
