import { loadDossierFacts } from "@/lib/applications/dossier-facts";
import type { Prisma } from "@/lib/db/generated/client";
import { AppError } from "@/lib/errors/app-error";

export const NOT_DECLARED_MESSAGE = "Les résultats de ce dossier ne sont pas encore déclarés.";
export const VERIFICATION_CHANGED_MESSAGE =
  "La vérification de cette déclaration a changé entre-temps (une autre personne a agi) : rechargez la page.";

/**
 * For a step of the verification, inside its transaction: takes the dossier's row lock (the one
 * declarations take too), then reads the dossier's facts and its verification.
 */
export async function loadVerificationForUpdate(tx: Prisma.TransactionClient, applicationId: string) {
  await tx.$queryRaw`SELECT id FROM "Application" WHERE id = ${applicationId}::uuid FOR UPDATE`;
  const facts = await loadDossierFacts(tx, applicationId);
  const verification = await tx.resultVerification.findFirst({
    where: { declaration: { applicationId: facts.id } },
    orderBy: { declaration: { declaredAt: "desc" } },
    select: {
      id: true,
      state: true,
      tier: true,
      version: true,
      declaration: {
        select: {
          objectives: { orderBy: { objectiveCode: "asc" }, select: { objectiveCode: true, achieved: true, precheckMet: true } },
          application: {
            select: {
              establishment: { select: { name: true } },
              wave: { select: { reviewTiers: true } },
              // Their titles, for the e-mail that lists the objectives refused.
              waveVersion: { select: { objectives: { select: { code: true, title: true } } } },
            },
          },
        },
      },
    },
  });
  if (!verification) throw new AppError("INVALID_STATE", NOT_DECLARED_MESSAGE);
  return { facts, verification };
}

/** CONFLICT when the verification moved since the form was shown. */
export function assertVersion(verification: { version: number }, version: number): void {
  if (verification.version !== version) throw new AppError("CONFLICT", VERIFICATION_CHANGED_MESSAGE);
}
