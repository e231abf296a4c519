/**
 * The write half of an import: compares the file's rows with the stored roster and writes the
 * difference in bulk. Runs inside the caller's transaction; any failure rolls the whole import back.
 *
 * Public API: `AppliedImport`, `applyRosterRows`.
 */
import { AppError } from "@/lib/errors/app-error";
import { planRosterImport } from "./import-plan";
import type { ImportedRow, RejectedLine } from "./import/types";
import { insertProfessionals, loadStoredRoster, replaceEnrollments, updateProfessionals, type RosterWriter } from "./roster-writes";

export type AppliedImport = { created: number; updated: number; unchanged: number; rejected: RejectedLine[] };

export async function applyRosterRows(
  tx: RosterWriter,
  establishmentId: string,
  rows: readonly ImportedRow[],
  today?: string,
): Promise<AppliedImport> {
  const stored = await loadStoredRoster(tx, establishmentId);
  const plan = await planRosterImport(rows, stored, today);
  await insertProfessionals(
    tx,
    establishmentId,
    plan.creates.map((create) => create.record),
  );
  const written = await updateProfessionals(tx, establishmentId, plan.updates);
  if (written !== plan.updates.length) {
    throw new AppError("CONFLICT", "Le registre a été modifié pendant l'import : rien n'a été enregistré. Relancez l'import.");
  }
  await replaceEnrollments(
    tx,
    plan.updates
      .filter((update) => update.changed.includes("enrollments"))
      .map((update) => ({ professionalId: update.id, enrollments: update.record.enrollments })),
  );
  return { created: plan.creates.length, updated: plan.updates.length, unchanged: plan.unchanged, rejected: plan.rejected };
}
