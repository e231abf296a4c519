import type { Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { indicatorsFromSnapshot } from "@/lib/roster/snapshots";
import type { TargetCheck } from "./targets";

type Reader = Pick<Db, "resultDeclaration"> | Prisma.TransactionClient;

/**
 * A dossier's latest declaration of results, with the roster figures frozen when it was made and
 * the app's pre-check of each objective as stored then (later changes of the targets or of the
 * roster do not alter it). Null before any declaration.
 */
export async function loadDeclaration(client: Reader, applicationId: string) {
  const row = await client.resultDeclaration.findFirst({
    where: { applicationId },
    orderBy: { declaredAt: "desc" },
    select: {
      id: true,
      declaredAt: true,
      pdfHash: true,
      declaredBy: { select: { displayName: true } },
      snapshot: {
        select: { takenAt: true, active: true, registered: true, substantialId: true, rieCompliant: true, dmpReady: true, breakdown: true },
      },
      objectives: {
        orderBy: { objectiveCode: "asc" },
        select: {
          objectiveCode: true,
          achieved: true,
          comment: true,
          precheckMet: true,
          precheck: true,
          evidence: { orderBy: { createdAt: "asc" }, select: { id: true, fileName: true, sizeBytes: true } },
        },
      },
    },
  });
  if (!row) return null;
  return {
    id: row.id,
    declaredAt: row.declaredAt,
    declaredBy: row.declaredBy?.displayName ?? null,
    pdfHash: row.pdfHash,
    frozenAt: row.snapshot.takenAt,
    figures: indicatorsFromSnapshot(row.snapshot).overall,
    objectives: row.objectives.map((objective) => ({ ...objective, precheck: objective.precheck as unknown as TargetCheck[] })),
  };
}

export type LoadedDeclaration = NonNullable<Awaited<ReturnType<typeof loadDeclaration>>>;
