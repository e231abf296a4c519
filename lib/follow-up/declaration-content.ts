import type { Prisma } from "@/lib/db/generated/client";
import { type EstablishmentIndicators } from "@/lib/roster/indicators";
import { groupCounts } from "@/lib/roster/snapshot-breakdown";
import { parisToday } from "@/lib/time/paris";
import type { FileStorage } from "@/lib/storage";
import { declarationHashOf, type DeclarationPdfInput, renderDeclarationPdf } from "./declaration-pdf";
import type { FollowUpContext } from "./load-follow-up-context";
import { checkObjective } from "./targets";

/**
 * What a declaration of results states, as stored and printed: each objective of the dossier as
 * declared, pre-checked against the wave's targets from the figures frozen at the declaration.
 * The use case (declare-results.ts) and the demo build it here, so the demo's PDFs are the app's.
 */
export function declarationContent(input: {
  programme: string;
  context: FollowUpContext;
  /** The dossier's reference, « HC-00042 ». */
  reference: string;
  declaredAt: Date;
  declaredBy: string;
  indicators: EstablishmentIndicators;
  /** One per objective of the dossier, in its order. */
  declared: ReadonlyArray<{ code: string; achieved: boolean; comment: string }>;
}): DeclarationPdfInput {
  const { context, indicators } = input;
  const today = parisToday(input.declaredAt);
  return {
    programme: input.programme,
    wave: context.waveTitle,
    reviewTiers: context.reviewTiers,
    establishment: { name: context.establishment.name, finess: context.establishment.finessEt },
    reference: input.reference,
    projectTitle: context.projectTitle,
    declaredAt: input.declaredAt,
    declaredBy: input.declaredBy,
    figures: groupCounts(indicators.overall),
    objectives: input.declared.map((declared) => {
      const objective = context.objectives.find((candidate) => candidate.code === declared.code);
      if (!objective) throw new Error(`Objective ${declared.code} is not one of the dossier's`);
      const precheck = checkObjective(objective.targets, indicators.overall, today);
      // Field by field: the hash covers exactly these.
      const { code, achieved, comment } = declared;
      return { code, title: objective.title, achieved, comment, precheckMet: precheck.met, checks: precheck.checks };
    }),
  };
}

/** The declared objectives' rows, as `ResultDeclaration.objectives` stores them. */
export function declaredObjectiveRows(content: DeclarationPdfInput) {
  return content.objectives.map((objective) => ({
    objectiveCode: objective.code,
    achieved: objective.achieved,
    comment: objective.comment,
    precheckMet: objective.precheckMet,
    precheck: objective.checks as unknown as Prisma.InputJsonArray,
  }));
}

/** Renders the declaration's PDF, printed with the SHA-256 of its content, and stores it under `key`; returns the hash. */
export async function storeDeclarationPdf(storage: FileStorage, key: string, content: DeclarationPdfInput): Promise<string> {
  const hash = declarationHashOf(content);
  await storage.put(key, await renderDeclarationPdf(content, hash), "application/pdf");
  return hash;
}
