import { describe, expect, it } from "vitest";
import { dossierExportColumns } from "@/lib/applications/dossier-export-columns";
import { FOLLOW_UP_EXPORT_COLUMNS } from "@/lib/follow-up/export-follow-ups";
import { indicatorHistoryTable } from "@/lib/roster/export-indicator-history";

/**
 * An instant in a CSV or XLSX cell (« 28/10/2026 01:44 ») is Paris time, which a reader in Cayenne
 * or Nouméa cannot guess: every column of instants says so in its header.
 */
describe("exported instants", () => {
  const exports = {
    dossiers: dossierExportColumns([{ code: "O1", title: "Enregistrement" }]),
    "follow-up": FOLLOW_UP_EXPORT_COLUMNS,
    "indicator history": indicatorHistoryTable([]).columns,
  };

  it.each(Object.entries(exports))("say « (heure de Paris) » in each date-and-time header of the %s export", (_, columns) => {
    const instants = columns.filter((column) => column.kind === "datetime").map((column) => column.label);
    expect(instants.length).toBeGreaterThan(0);
    for (const label of instants) expect(label).toMatch(/ \(heure de Paris\)$/);
  });

  it("name the dossiers' and the follow-ups' instants", () => {
    expect(exports.dossiers.map((column) => column.label)).toContain("Déposé le (heure de Paris)");
    expect(FOLLOW_UP_EXPORT_COLUMNS.map((column) => column.label)).toEqual(
      expect.arrayContaining(["Déclaré le (heure de Paris)", "Échéance (heure de Paris)"]),
    );
  });
});
