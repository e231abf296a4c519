import type { Db } from "@/lib/db/client";
import { effectiveClosingTime } from "@/lib/campaigns/deadline";
import { listMissingForSubmission, type MissingItem } from "./completeness";
import { dossierContentHash } from "./content-hash";
import { DOSSIER_CONTENT_SELECT, dossierContentOf } from "./dossier-content-rows";
import type { DossierContent } from "./dossier-content";

type Reader = Pick<Db, "application">;

/**
 * Everything a dossier is judged on at one moment: its content, the objectives of its wave
 * version, its evidence files, the deadline that applies to its establishment. The completeness
 * check, the content hash and the receipt all read this, so they agree.
 */
export async function loadDossier(client: Reader, applicationId: string) {
  // One query: the content's rows and the rest, joined (ADR 0016).
  const row = await client.application.findUniqueOrThrow({
    where: { id: applicationId },
    select: {
      ...DOSSIER_CONTENT_SELECT,
      id: true,
      state: true,
      establishment: {
        select: { id: true, name: true, finessEt: true, memberships: { select: { user: { select: { email: true, disabledAt: true } } } } },
      },
      wave: {
        select: {
          id: true,
          title: true,
          closesAt: true,
          campaign: { select: { title: true } },
          extensions: { select: { closesAt: true, establishmentId: true } },
        },
      },
      waveVersion: {
        select: {
          objectives: {
            orderBy: { position: "asc" },
            select: { id: true, code: true, title: true, description: true, required: true, position: true },
          },
        },
      },
      attachments: {
        // The dossier's own files: not those of its messages, nor those of its follow-up (ADR 0020).
        where: { messageId: null, declaredObjectiveId: null, verificationStepId: null },
        orderBy: { createdAt: "asc" },
        select: { id: true, objectiveId: true, fileName: true, sha256: true, sizeBytes: true, mimeType: true, createdAt: true },
      },
    },
  });
  const content = dossierContentOf(row);
  const extension = row.wave.extensions.find((candidate) => candidate.establishmentId === row.establishment.id) ?? null;
  const evidenceCounts: Record<string, number> = {};
  for (const file of row.attachments) if (file.objectiveId) evidenceCounts[file.objectiveId] = (evidenceCounts[file.objectiveId] ?? 0) + 1;

  return {
    id: row.id,
    state: row.state,
    content,
    establishment: { id: row.establishment.id, name: row.establishment.name, finess: row.establishment.finessEt },
    memberEmails: row.establishment.memberships.filter((member) => !member.user.disabledAt).map((member) => member.user.email),
    wave: { id: row.wave.id, title: row.wave.title, campaign: row.wave.campaign.title },
    closesAt: effectiveClosingTime(row.wave, extension),
    extended: extension !== null && extension.closesAt > row.wave.closesAt,
    objectives: row.waveVersion.objectives,
    files: row.attachments,
    evidenceCounts,
  };
}

export type LoadedDossier = Awaited<ReturnType<typeof loadDossier>>;

export function missingForSubmission(dossier: LoadedDossier): MissingItem[] {
  return listMissingForSubmission({ content: dossier.content, objectives: dossier.objectives, evidenceCounts: dossier.evidenceCounts });
}

export function contentHashOf(dossier: { content: DossierContent; files: LoadedDossier["files"] }): string {
  return dossierContentHash({
    content: dossier.content,
    attachments: dossier.files.map((file) => ({ objectiveId: file.objectiveId, fileName: file.fileName, sha256: file.sha256 })),
  });
}
