import type { Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { effectiveClosingTime } from "@/lib/campaigns/deadline";
import { listMissingForSubmission, type MissingItem } from "./completeness";
import { dossierContentHash } from "./content-hash";
import { dossierReference } from "./dossier-reference";
import { DOSSIER_CONTENT_SELECT, dossierContentOf } from "./dossier-content-rows";
import type { DossierContent } from "./dossier-content";
import { REACHABLE_MEMBERS } from "@/lib/notifications/recipients";

type Reader = Pick<Db, "application">;

/**
 * What a dossier is judged on at one moment, and nothing else: its content, the objectives of its
 * wave version as the completeness rules read them, its evidence files as the content hash covers
 * them, the deadline that applies to its establishment. The submission reads only this (ADR 0029:
 * one round trip, no member list, no labels); the page and the receipt read it within `loadDossier`.
 */
const JUDGED_SELECT = {
  ...DOSSIER_CONTENT_SELECT,
  id: true,
  state: true,
  establishmentId: true,
  wave: { select: { closesAt: true, extensions: { select: { closesAt: true, establishmentId: true } } } },
  waveVersion: {
    select: { objectives: { orderBy: { position: "asc" }, select: { id: true, code: true, required: true, position: true } } },
  },
  attachments: {
    // The dossier's own files: not those of its messages, nor those of its follow-up (ADR 0020).
    where: { messageId: null, declaredObjectiveId: null, verificationStepId: null },
    orderBy: { createdAt: "asc" },
    select: { objectiveId: true, fileName: true, sha256: true },
  },
} as const satisfies Prisma.ApplicationSelect;

type JudgedRow = Prisma.ApplicationGetPayload<{ select: typeof JUDGED_SELECT }>;

function judgedOf(row: JudgedRow) {
  const extension = row.wave.extensions.find((candidate) => candidate.establishmentId === row.establishmentId) ?? null;
  const evidenceCounts: Record<string, number> = {};
  for (const file of row.attachments) if (file.objectiveId) evidenceCounts[file.objectiveId] = (evidenceCounts[file.objectiveId] ?? 0) + 1;
  return {
    id: row.id,
    state: row.state,
    content: dossierContentOf(row),
    closesAt: effectiveClosingTime(row.wave, extension),
    extended: extension !== null && extension.closesAt > row.wave.closesAt,
    objectives: row.waveVersion.objectives,
    files: row.attachments,
    evidenceCounts,
  };
}

/** What a submission checks and hashes, in one query. */
export async function loadJudgedDossier(client: Reader, applicationId: string) {
  return judgedOf(await client.application.findUniqueOrThrow({ where: { id: applicationId }, select: JUDGED_SELECT }));
}

export type JudgedDossier = Awaited<ReturnType<typeof loadJudgedDossier>>;

/**
 * Everything a dossier is judged on, and what its page and its receipt show beside it: the
 * establishment and its members, the wave's titles, the objectives' texts, the files' details.
 * The completeness check, the content hash and the receipt all read the judged part, so they agree.
 * A page that reads more of the dossier adds its relations to this select (ADR 0028).
 */
export const LOADED_DOSSIER_SELECT = {
  ...JUDGED_SELECT,
  number: true,
  establishment: {
    select: { id: true, name: true, finessEt: true, memberships: REACHABLE_MEMBERS },
  },
  wave: { select: { ...JUDGED_SELECT.wave.select, id: true, title: true, reviewTiers: true, campaign: { select: { title: true } } } },
  waveVersion: {
    select: {
      objectives: {
        ...JUDGED_SELECT.waveVersion.select.objectives,
        select: { ...JUDGED_SELECT.waveVersion.select.objectives.select, title: true, description: true },
      },
    },
  },
  attachments: {
    ...JUDGED_SELECT.attachments,
    select: { ...JUDGED_SELECT.attachments.select, id: true, sizeBytes: true, mimeType: true, createdAt: true },
  },
} as const satisfies Prisma.ApplicationSelect;

/** The dossier of a row read with LOADED_DOSSIER_SELECT (alone, or within a larger select). */
export function loadedDossierOf(row: Prisma.ApplicationGetPayload<{ select: typeof LOADED_DOSSIER_SELECT }>) {
  return {
    ...judgedOf(row),
    number: row.number,
    reference: dossierReference(row.number),
    objectives: row.waveVersion.objectives,
    files: row.attachments,
    establishment: { id: row.establishment.id, name: row.establishment.name, finess: row.establishment.finessEt },
    memberEmails: row.establishment.memberships.map((member) => member.user.email),
    wave: { id: row.wave.id, title: row.wave.title, reviewTiers: row.wave.reviewTiers, campaign: row.wave.campaign.title },
  };
}

export async function loadDossier(client: Reader, applicationId: string) {
  // One query: the content's rows and the rest, joined (ADR 0016).
  return loadedDossierOf(await client.application.findUniqueOrThrow({ where: { id: applicationId }, select: LOADED_DOSSIER_SELECT }));
}

export type LoadedDossier = ReturnType<typeof loadedDossierOf>;

export function missingForSubmission(dossier: JudgedDossier): MissingItem[] {
  return listMissingForSubmission({ content: dossier.content, objectives: dossier.objectives, evidenceCounts: dossier.evidenceCounts });
}

export function contentHashOf(dossier: { content: DossierContent; files: JudgedDossier["files"] }): string {
  return dossierContentHash({
    content: dossier.content,
    attachments: dossier.files.map((file) => ({ objectiveId: file.objectiveId, fileName: file.fileName, sha256: file.sha256 })),
  });
}
