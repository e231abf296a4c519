import { authorizeApplication } from "@/lib/access/policy";
import { auditActor, type Viewer } from "@/lib/access/viewer";
import { loadDossierFacts } from "@/lib/applications/dossier-facts";
import { dossierReference } from "@/lib/applications/dossier-reference";
import { type IncomingFile, type StoredFile, storeCheckedFile } from "@/lib/attachments/store-file";
import { UPLOAD_LIMITS } from "@/lib/config/upload-limits";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { requestDelivery } from "@/lib/jobs/worker";
import { parisToday } from "@/lib/roster/dates";
import { computeRosterIndicators, loadEstablishmentRoster } from "@/lib/roster/establishment-indicators";
import { storeIndicatorSnapshot } from "@/lib/roster/snapshots";
import { fileStorage, generateStorageKey } from "@/lib/storage";
import { declarationContent, declaredObjectiveRows, storeDeclarationPdf } from "./declaration-content";
import type { TDeclareResultsInput } from "./declare-schema";
import { loadFollowUpContext } from "./load-follow-up-context";
import { startVerification } from "./start-verification";

export const ALREADY_DECLARED_MESSAGE = "Les résultats de ce dossier sont déjà déclarés.";

/** Evidence files of one declared objective, as the form sends them. */
export type DeclaredEvidence = { objectiveCode: string; files: IncomingFile[] };

/**
 * The director declares the results of a selected dossier, objective by objective, with evidence
 * files. The files are checked (type on the bytes, size) and stored first; then in one
 * transaction, under the dossier's row lock (two clicks make one declaration): the roster's
 * indicators are frozen (a DECLARATION snapshot), each objective is pre-checked against the wave's
 * targets from those very figures, the PDF is rendered with its hash and stored, the files
 * recorded on their objectives, the verification started (ADR 0020) and the audit entry written.
 * All or nothing: a refusal anywhere removes every stored file. Later roster changes or new
 * targets never alter what was declared.
 */
export async function declareResults(
  viewer: Viewer,
  applicationId: string,
  input: TDeclareResultsInput & { ip: string | null; now?: Date; evidence?: readonly DeclaredEvidence[] },
) {
  const now = input.now ?? new Date();
  authorizeApplication(viewer, await loadDossierFacts(db, applicationId), "declare-results");
  const pdfKey = generateStorageKey("result-declarations");
  let stored = false;
  const evidence = new Map<string, StoredFile[]>();
  try {
    await storeEvidence(input.objectives, input.evidence ?? [], evidence);
    const result = await db.$transaction(
      async (tx) => {
        await tx.$queryRaw`SELECT id FROM "Application" WHERE id = ${applicationId}::uuid FOR UPDATE`;
        const facts = await loadDossierFacts(tx, applicationId);
        authorizeApplication(viewer, facts, "declare-results");
        if (await tx.resultDeclaration.findFirst({ where: { applicationId: facts.id }, select: { id: true } }))
          throw new AppError("CONFLICT", ALREADY_DECLARED_MESSAGE);
        const context = await loadFollowUpContext(tx, facts);
        const declared = declaredObjectives(context.objectives, input.objectives);

        const roster = await loadEstablishmentRoster(tx, facts.establishmentId);
        if (roster === null) throw new AppError("NOT_FOUND");
        const indicators = computeRosterIndicators(roster, parisToday(now));
        const snapshot = await storeIndicatorSnapshot(tx, facts.establishmentId, "DECLARATION", indicators, {
          applicationId: facts.id,
          takenAt: now,
        });
        const wave = await tx.wave.findUniqueOrThrow({ where: { id: facts.waveId }, select: { campaign: { select: { title: true } } } });
        const content = declarationContent({
          programme: wave.campaign.title,
          context,
          reference: dossierReference(facts.number),
          declaredAt: now,
          declaredBy: viewer.displayName,
          indicators,
          declared,
        });
        const pdfHash = await storeDeclarationPdf(fileStorage(), pdfKey, content);
        stored = true;
        const declaration = await tx.resultDeclaration.create({
          data: {
            applicationId: facts.id,
            snapshotId: snapshot.id,
            declaredById: viewer.userId,
            declaredAt: now,
            pdfKey,
            pdfHash,
            objectives: {
              create: declaredObjectiveRows(content).map((objective) => ({
                ...objective,
                evidence: {
                  create: (evidence.get(objective.objectiveCode) ?? []).map((file) => ({
                    applicationId: facts.id,
                    ...file,
                    uploadedById: viewer.userId,
                  })),
                },
              })),
            },
          },
          select: { id: true },
        });
        const verification = await startVerification(tx, { facts, declarationId: declaration.id, actorId: viewer.userId, now });
        await recordAudit(tx, {
          actor: auditActor(viewer),
          action: "follow_up.results_declared",
          target: { type: "Application", id: facts.id },
          ip: input.ip,
          details: {
            declarationId: declaration.id,
            snapshotId: snapshot.id,
            pdfHash,
            verification: verification.state,
            objectives: content.objectives.map((objective) => ({
              code: objective.code,
              achieved: objective.achieved,
              precheckMet: objective.precheckMet,
              evidence: (evidence.get(objective.code) ?? []).map((file) => file.sha256),
            })),
          },
        });
        return { declarationId: declaration.id, pdfHash, verification: verification.state };
      },
      // The PDF's upload runs inside: more room than Prisma's default 5 seconds.
      { timeout: 30_000 },
    );
    requestDelivery();
    return result;
  } catch (error) {
    // Rolled back after the uploads: the files would be nobody's.
    const keys = [...(stored ? [pdfKey] : []), ...[...evidence.values()].flat().map((file) => file.storageKey)];
    await Promise.all(
      keys.map((key) =>
        fileStorage()
          .delete(key)
          .catch(() => undefined),
      ),
    );
    throw error;
  }
}

/**
 * Checks and stores each objective's files, refusing the whole declaration at the first bad one
 * (its message on the objective's file field); `into` keeps what was stored, for the caller to
 * remove on failure.
 */
async function storeEvidence(
  objectives: TDeclareResultsInput["objectives"],
  evidence: readonly DeclaredEvidence[],
  into: Map<string, StoredFile[]>,
) {
  const count = evidence.reduce((total, entry) => total + entry.files.length, 0);
  if (count > UPLOAD_LIMITS.declarationFiles) {
    const message = `Une déclaration peut porter ${UPLOAD_LIMITS.declarationFiles} pièces justificatives au plus.`;
    throw new AppError("INVALID_INPUT", message, { fieldErrors: { evidence: [message] } });
  }
  for (const entry of evidence) {
    const index = objectives.findIndex((objective) => objective.objectiveCode === entry.objectiveCode);
    if (index < 0) throw new AppError("INVALID_INPUT", "Une pièce justificative vise un objectif qui n'est pas déclaré.");
    const files: StoredFile[] = [];
    into.set(entry.objectiveCode, files);
    for (const file of entry.files) files.push(await storeCheckedFile(file, `objectives.${index}.evidence`));
  }
}

/** Every objective of the dossier declared once, in the dossier's order; field errors otherwise. */
function declaredObjectives<O extends { code: string }>(objectives: readonly O[], input: TDeclareResultsInput["objectives"]) {
  const byCode = new Map(input.map((objective) => [objective.objectiveCode, objective]));
  const fieldErrors: Record<string, string[]> = {};
  objectives.forEach((objective, index) => {
    if (!byCode.has(objective.code)) fieldErrors[`objectives.${index}.achieved`] = ["Indiquez si l'objectif est atteint."];
  });
  if (input.length !== objectives.length || Object.keys(fieldErrors).length > 0) {
    throw new AppError("INVALID_INPUT", "Déclarez chaque objectif du dossier, une fois.", { fieldErrors });
  }
  return objectives.map((objective) => {
    const declared = byCode.get(objective.code)!;
    return { ...objective, achieved: declared.achieved, comment: declared.comment };
  });
}
