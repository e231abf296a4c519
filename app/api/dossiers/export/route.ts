import { formatEuroAmount } from "@/lib/applications/euro-amount";
import { exportDossiers, ZDossierFilters } from "@/lib/applications/list-dossiers";
import { STATE_LABELS } from "@/lib/applications/state-machine";
import { OUTCOME_LABELS } from "@/lib/decisions/labels";
import { regionName } from "@/lib/establishments/territories";
import { toCsv } from "@/lib/export/csv";
import { defineRoute } from "@/lib/http/define-route";
import { fileResponse } from "@/lib/http/file-response";
import { formatParisDateTime } from "@/lib/time/paris";

/** The programme's dossiers as CSV, with the list page's filters. */
export const GET = defineRoute({
  input: ZDossierFilters,
  handler: async ({ viewer, input }) => {
    const rows = await exportDossiers(viewer, input);
    const csv = toCsv(
      ["Établissement", "FINESS", "Catégorie", "Région", "Vague", "État", "Projet", "Budget demandé", "Déposé le", "Décision", "Montant accordé"],
      rows.map((row) => [
        row.establishment.name,
        row.establishment.finessEt,
        row.establishment.category.label,
        regionName(row.establishment.regionCode),
        row.wave.title,
        STATE_LABELS[row.state],
        row.projectTitle,
        formatEuroAmount(row.budgetLines.reduce((sum, line) => sum + line.amountCents, 0n)),
        row.submissions[0] ? formatParisDateTime(row.submissions[0].receivedAt) : "",
        row.decisions[0] ? OUTCOME_LABELS[row.decisions[0].outcome] : "",
        row.decisions[0]?.amountGrantedCents != null ? formatEuroAmount(row.decisions[0].amountGrantedCents) : "",
      ]),
    );
    return fileResponse(csv, `dossiers-hospiconnect-${new Date().toISOString().slice(0, 10)}.csv`, "text/csv; charset=utf-8");
  },
});
