import type { Db } from "@/lib/db/client";
import type { SheetCriterion } from "./score-sheet";

/** The criteria of a dossier's own wave version, in the grid's order. */
export function loadSheetCriteria(
  client: Pick<Db, "criterion">,
  waveVersionId: string,
): Promise<Array<SheetCriterion & { description: string }>> {
  return client.criterion.findMany({
    where: { waveVersionId },
    orderBy: { position: "asc" },
    select: { id: true, code: true, label: true, description: true, weight: true, scaleMin: true, scaleMax: true, required: true },
  });
}
