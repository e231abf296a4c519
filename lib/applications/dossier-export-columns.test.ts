import { describe, expect, it } from "vitest";
import { decisionSettingsOf } from "@/lib/decisions/wave-scoring";
import { C1, C2, GRID, score } from "@/test/factories/score-grid";
import { dossierExportCells, dossierExportColumns, type ExportedDossier, type ScoringOf } from "./dossier-export-columns";

const objectives = [
  { code: "O1", title: "Enregistrement" },
  { code: "O2", title: "Double facteur" },
];

const row = {
  id: "d1",
  number: 42,
  state: "SCORED",
  projectTitle: "Projet",
  projectSummary: "",
  iamPlan: "",
  pscFederationPlan: "",
  updatedAt: new Date("2026-11-20T09:30:00Z"),
  waveId: "w",
  waveVersionId: "v",
  establishment: { name: "EHPAD", finessEt: "750712184", regionCode: "84", category: { label: "EHPAD" } },
  wave: { title: "Vague" },
  partners: [],
  mieStrategy: [{ population: "INTERN", mieTypes: [], headcount: null, notes: "à définir" }],
  milestones: [],
  budgetLines: [
    { category: "SOFTWARE", label: "Licences", amountCents: 300_00n },
    { category: "SOFTWARE", label: "Support", amountCents: 200_00n },
  ],
  // Only O2 assessed, for a version whose O2 is the second objective.
  assessments: [{ objectiveId: "o2", status: "NOT_PLANNED", targetDate: null, explanation: "Hors périmètre.", objective: { code: "O2" } }],
  submissions: [],
  snapshots: [],
  decisions: [],
} as unknown as ExportedDossier;

const scoring: ScoringOf = {
  criteria: () => GRID,
  settings: () => decisionSettingsOf({ rankingMode: "NATIONAL_ONLY", regionalRankingWeight: 0, spreadThreshold: 15 }),
};

const cellsBy = (cells: ReturnType<typeof dossierExportCells>) =>
  Object.fromEntries(dossierExportColumns(objectives).map((column, index) => [column.label, cells[index]]));

describe("the dossier export's row", () => {
  it("has one cell per column, each objective's cells under its own code", () => {
    const cells = dossierExportCells(row, [], objectives, scoring);
    expect(cells).toHaveLength(dossierExportColumns(objectives).length);
    expect(cellsBy(cells)).toMatchObject({
      Référence: "HC-00042",
      "Objectif O1 (Enregistrement) : auto-évaluation": "",
      "Objectif O2 (Double facteur) : auto-évaluation": "Non prévu",
      "Objectif O2 : explication": "Hors périmètre.",
      "Stratégie MIE": "Internes : aucun MIE – à définir",
      "Professionnels couverts par la stratégie MIE": null,
      "Budget demandé": 500_00n,
      "Budget : Licences logicielles": 500_00n,
      "Budget : Prestations d'intégration": 0n,
    });
  });

  it("leaves empty the amounts and headcount of a draft where nothing is typed: an absent amount is not 0 €", () => {
    const draft = { ...row, mieStrategy: [], budgetLines: [] } as unknown as ExportedDossier;
    const cells = cellsBy(dossierExportCells(draft, [], objectives, scoring));
    expect(cells).toMatchObject({ "Professionnels couverts par la stratégie MIE": null, "Budget demandé": null });
    const budgetCells = Object.entries(cells).filter(([label]) => label.startsWith("Budget"));
    expect(budgetCells.length).toBeGreaterThan(2);
    expect(budgetCells.filter(([, cell]) => cell !== null)).toEqual([]);
    // A line typed at 0 € is an amount.
    const zero = { ...draft, budgetLines: [{ category: "SOFTWARE", label: "Offert", amountCents: 0n }] } as unknown as ExportedDossier;
    expect(cellsBy(dossierExportCells(zero, [], objectives, scoring))).toMatchObject({
      "Budget demandé": 0n,
      "Budget : Licences logicielles": 0n,
    });
  });

  it("leaves the review aggregates empty before any review, then gives the counted reviews' spread", () => {
    expect(cellsBy(dossierExportCells(row, [], objectives, scoring))).toMatchObject({
      "Évaluations remises": 0,
      "Note brute (sur 100)": null,
      "Écart-type des évaluations": null,
      "À discuter": "",
    });
    // Every criterion at the bottom of its scale, then at the top: totals of 0 and 100.
    const reviews = [
      { reviewId: "r1", reviewerId: "a", tier: "NATIONAL" as const, scores: [score(C1.id, 0), score(C2.id, 1)] },
      { reviewId: "r2", reviewerId: "b", tier: "NATIONAL" as const, scores: [score(C1.id, 5), score(C2.id, 4)] },
    ];
    expect(cellsBy(dossierExportCells(row, reviews, objectives, scoring))).toMatchObject({
      "Évaluations remises": 2,
      "Note brute (sur 100)": 50,
      "Moyenne des évaluations (sur 100)": 50,
      "Médiane des évaluations (sur 100)": 50,
      "Écart-type des évaluations": 50,
      "Écart entre les évaluations extrêmes": 100,
      "À discuter": "Oui",
    });
    // Reviews that agree say « Non », as the decision board's export does; only no review at all leaves it empty.
    const agreeing = reviews.map((review) => ({ ...review, scores: [score(C1.id, 3), score(C2.id, 3)] }));
    expect(cellsBy(dossierExportCells(row, agreeing, objectives, scoring))).toMatchObject({ "À discuter": "Non" });
  });
});
