import { authorizeApplication, authorizeVerification } from "@/lib/access/policy";
import { auditActor, type Viewer } from "@/lib/access/viewer";
import { loadDossierFacts } from "@/lib/applications/dossier-facts";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { lockUntilCommit } from "@/lib/db/advisory-lock";
import { isRowId } from "@/lib/db/row-id";
import { AppError } from "@/lib/errors/app-error";
import { fileStorage } from "@/lib/storage";
import { formatParisDateTime } from "@/lib/time/paris";
import { type IncomingFile, withStoredFiles } from "./store-file";

export type UploadRequest = {
  applicationId: string;
  /** Evidence for this objective of the dossier's wave version; absent for a file of the dossier. */
  objectiveId?: string | null;
  file: IncomingFile;
  ip?: string | null;
};

/** One place of a dossier: an objective's evidence, or the dossier's own files (`objectiveId` null). */
type Place = { applicationId: string; objectiveId: string | null };

/**
 * The same content twice at one place of a dossier is one piece shown twice to its reviewers:
 * refused, naming the file already there.
 */
async function refuseFileAlreadyJoined(tx: Prisma.TransactionClient, place: Place, sha256: string): Promise<void> {
  const joined = await tx.attachment.findFirst({
    where: { ...place, messageId: null, declaredObjectiveId: null, verificationStepId: null, sha256 },
    select: { fileName: true, createdAt: true },
    orderBy: { createdAt: "asc" },
  });
  if (!joined) return;
  const message = `Ce fichier est déjà joint (« ${joined.fileName} », ajouté le ${formatParisDateTime(joined.createdAt)}).`;
  throw new AppError("CONFLICT", message, { fieldErrors: { file: [message] } });
}

/**
 * Attaches a file to a draft dossier: type checked on the bytes (magic numbers), size capped,
 * stored under a generated name, its SHA-256 kept for the content hash of the submission; the same
 * content already at that place is refused. Two uploads of one file at once would both find the
 * place free: the lock on the place and content makes the second read after the first's insert.
 * A refused file is not kept: its stored copy is removed with the refusal (`withStoredFiles`).
 */
export async function uploadAttachment(viewer: Viewer, request: UploadRequest) {
  const facts = await loadDossierFacts(db, request.applicationId);
  authorizeApplication(viewer, facts, "edit");
  let objectiveCode: string | null = null;
  if (request.objectiveId) {
    const objective = isRowId(request.objectiveId)
      ? await db.objective.findFirst({ where: { id: request.objectiveId, waveVersionId: facts.waveVersionId }, select: { code: true } })
      : null;
    if (!objective) throw new AppError("INVALID_INPUT", "Cet objectif n'est pas celui de votre vague.");
    objectiveCode = objective.code;
  }
  const place: Place = { applicationId: facts.id, objectiveId: request.objectiveId ?? null };
  return withStoredFiles([request.file], "file", ([stored]) =>
    db.$transaction(async (tx) => {
      await lockUntilCommit(tx, `attachment:${place.applicationId}:${place.objectiveId ?? ""}:${stored.sha256}`);
      await refuseFileAlreadyJoined(tx, place, stored.sha256);
      const attachment = await tx.attachment.create({
        data: { ...place, ...stored, uploadedById: viewer.userId },
        select: { id: true, fileName: true, sizeBytes: true, mimeType: true, objectiveId: true, createdAt: true },
      });
      await recordAudit(tx, {
        actor: auditActor(viewer),
        action: "application.attachment_added",
        target: { type: "Application", id: facts.id },
        ip: request.ip ?? null,
        details: attachmentAuditDetails({ attachmentId: attachment.id, sha256: stored.sha256, objectiveCode }),
      });
      return attachment;
    }),
  );
}

/**
 * What the audit log keeps of a file of the dossier: its id, its content's SHA-256 (which still
 * proves which file it was once removed) and the objective it is evidence for. Never its name: a
 * name is typed by a person and may name one (« arrêt maladie de Mme X.pdf »), and the log can be
 * neither corrected nor erased (ADR 0039).
 */
function attachmentAuditDetails({ objectiveCode, ...file }: { attachmentId: string; sha256: string; objectiveCode: string | null }) {
  return { ...file, ...(objectiveCode ? { objectiveCode } : {}) };
}

async function loadAttachment(attachmentId: string) {
  const attachment = await db.attachment.findUnique({
    where: { id: attachmentId },
    select: {
      id: true,
      applicationId: true,
      messageId: true,
      declaredObjectiveId: true,
      verificationStepId: true,
      fileName: true,
      mimeType: true,
      storageKey: true,
      sha256: true,
      objective: { select: { code: true } },
    },
  });
  if (!attachment) throw new AppError("NOT_FOUND");
  return attachment;
}

/** The bytes of an attachment, for whoever may read its dossier (or verify its results, for the files of a declaration). */
export async function readAttachment(viewer: Viewer, attachmentId: string) {
  const attachment = await loadAttachment(attachmentId);
  const facts = await loadDossierFacts(db, attachment.applicationId);
  if (attachment.declaredObjectiveId || attachment.verificationStepId) authorizeVerification(viewer, facts, "read");
  else authorizeApplication(viewer, facts, "read");
  const bytes = await fileStorage().get(attachment.storageKey);
  if (!bytes) throw new AppError("NOT_FOUND", "Ce fichier n'est plus disponible.");
  return { bytes, fileName: attachment.fileName, mimeType: attachment.mimeType };
}

/** Removes a file from a draft (a message's files stay with the message). */
export async function deleteAttachment(viewer: Viewer, attachmentId: string, ip: string | null = null): Promise<void> {
  const attachment = await loadAttachment(attachmentId);
  authorizeApplication(viewer, await loadDossierFacts(db, attachment.applicationId), "edit");
  if (attachment.messageId || attachment.declaredObjectiveId || attachment.verificationStepId)
    throw new AppError("FORBIDDEN", "Les pièces jointes d'un message ou d'une déclaration de résultats ne peuvent pas être supprimées.");
  await db.$transaction(async (tx) => {
    await tx.attachment.delete({ where: { id: attachment.id } });
    await recordAudit(tx, {
      actor: auditActor(viewer),
      action: "application.attachment_removed",
      target: { type: "Application", id: attachment.applicationId },
      ip,
      details: attachmentAuditDetails({
        attachmentId: attachment.id,
        sha256: attachment.sha256,
        objectiveCode: attachment.objective?.code ?? null,
      }),
    });
  });
  await fileStorage().delete(attachment.storageKey);
}
