import { authorizeApplication } from "@/lib/access/policy";
import { auditActor, type Viewer } from "@/lib/access/viewer";
import { loadDossierFacts } from "@/lib/applications/dossier-facts";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { AppError } from "@/lib/errors/app-error";
import { parisToday } from "@/lib/roster/dates";
import { computeRosterIndicators, loadEstablishmentRoster, snapshotCounts } from "@/lib/roster/establishment-indicators";
import { storeIndicatorSnapshot } from "@/lib/roster/snapshots";
import { fileStorage, generateStorageKey } from "@/lib/storage";
import { declarationHashOf, renderDeclarationPdf } from "./declaration-pdf";
import type { TDeclareResultsInput } from "./declare-schema";
import { loadFollowUpContext } from "./load-follow-up-context";
import { checkObjective } from "./targets";

export const ALREADY_DECLARED_MESSAGE = "Les résultats de ce dossier sont déjà déclarés.";

/**
 * The director declares the results of a selected dossier, objective by objective. In one
 * transaction, under the dossier's row lock (two clicks make one declaration): the roster's
 * indicators are frozen (a DECLARATION snapshot), each objective is pre-checked against the wave's
 * targets from those very figures, the PDF is rendered with its hash and stored, and the audit
 * entry written. Later roster changes or new targets never alter what was declared.
 */
export async function declareResults(
  viewer: Viewer,
  applicationId: string,
  input: TDeclareResultsInput & { ip: string | null; now?: Date },
) {
  const now = input.now ?? new Date();
  authorizeApplication(viewer, await loadDossierFacts(db, applicationId), "declare-results");
  const pdfKey = generateStorageKey("result-declarations");
  let stored = false;
  try {
    return await db.$transaction(
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
        const today = parisToday(now);
        const indicators = computeRosterIndicators(roster, today);
        const snapshot = await storeIndicatorSnapshot(tx, facts.establishmentId, "DECLARATION", indicators, {
          applicationId: facts.id,
          takenAt: now,
        });
        const objectives = declared.map((objective) => {
          const precheck = checkObjective(objective.targets, indicators.overall, today);
          return {
            code: objective.code,
            title: objective.title,
            achieved: objective.achieved,
            comment: objective.comment,
            precheckMet: precheck.met,
            checks: precheck.checks,
          };
        });

        const wave = await tx.wave.findUniqueOrThrow({ where: { id: facts.waveId }, select: { campaign: { select: { title: true } } } });
        const pdfInput = {
          programme: wave.campaign.title,
          wave: context.waveTitle,
          establishment: { name: context.establishment.name, finess: context.establishment.finessEt },
          applicationId: facts.id,
          projectTitle: context.projectTitle,
          declaredAt: now,
          declaredBy: viewer.displayName,
          figures: snapshotCounts(indicators),
          objectives,
        };
        const pdfHash = declarationHashOf(pdfInput);
        await fileStorage().put(pdfKey, await renderDeclarationPdf(pdfInput, pdfHash), "application/pdf");
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
              create: objectives.map((objective) => ({
                objectiveCode: objective.code,
                achieved: objective.achieved,
                comment: objective.comment,
                precheckMet: objective.precheckMet,
                precheck: objective.checks as unknown as Prisma.InputJsonArray,
              })),
            },
          },
          select: { id: true },
        });
        await recordAudit(tx, {
          actor: auditActor(viewer),
          action: "follow_up.results_declared",
          target: { type: "Application", id: facts.id },
          ip: input.ip,
          details: {
            declarationId: declaration.id,
            snapshotId: snapshot.id,
            pdfHash,
            objectives: objectives.map((objective) => ({
              code: objective.code,
              achieved: objective.achieved,
              precheckMet: objective.precheckMet,
            })),
          },
        });
        return { declarationId: declaration.id, pdfHash };
      },
      // The PDF's upload runs inside: more room than Prisma's default 5 seconds.
      { timeout: 30_000 },
    );
  } catch (error) {
    // Rolled back after the upload: the file would be nobody's.
    if (stored)
      await fileStorage()
        .delete(pdfKey)
        .catch(() => undefined);
    throw error;
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
