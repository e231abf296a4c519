/**
 * The dashboard's tables: each chart's data as the page shows it under the chart and as the user
 * downloads it (CSV or XLSX), from one definition, so the two never differ.
 *
 * Public API: `DASHBOARD_TABLE_IDS`, `DASHBOARD_TABLE_CAPTIONS`, `DashboardTableId`, `dashboardTable`,
 * `ZDashboardTableId`.
 */
import { z } from "zod";
import { STATE_LABELS } from "@/lib/applications/state-machine";
import type { ApplicationState } from "@/lib/db/generated/enums";
import { regionName } from "@/lib/establishments/territories";
import type { FigureCell, FigureColumn, FigureTable } from "@/lib/export/figure-table";
import { TIER_LABELS } from "@/lib/review/labels";
import type { StateCounts } from "./funnel";
import type { ProgrammeDashboard } from "./get-programme-dashboard";
import { formatMonthFr } from "./months";
import { ROLLOUT_MEASURES, type RolloutCounts } from "./rollout-counts";

const STATES = Object.keys(STATE_LABELS) as ApplicationState[];

const text = (label: string): FigureColumn => ({ label, kind: "text" });
const integer = (label: string): FigureColumn => ({ label, kind: "integer" });
const share = (label: string): FigureColumn => ({ label, kind: "share" });
const euros = (label: string): FigureColumn => ({ label, kind: "euros" });

const stateColumns = [...STATES.map((state) => integer(STATE_LABELS[state])), integer("Total")];
const stateCells = (counts: StateCounts): FigureCell[] => {
  const cells = STATES.map((state) => counts[state] ?? 0);
  return [...cells, cells.reduce((sum, count) => sum + count, 0)];
};

const rolloutColumns = [
  integer("Établissements relevés"),
  integer("Professionnels en activité"),
  ...ROLLOUT_MEASURES.map((measure) => share(measure.label)),
];
const rolloutCells = (counts: RolloutCounts): FigureCell[] => [
  counts.establishments,
  counts.active,
  ...ROLLOUT_MEASURES.map((measure) => ({ count: counts[measure.key], of: counts.active })),
];

/** Each table's caption: above it on the page, and its name in the audit log of its downloads. */
const CAPTIONS = {
  entonnoir: "Entonnoir des dossiers",
  suivi: "Suivi des dossiers retenus",
  "etats-regions": "Dossiers par état et par région",
  "etats-categories": "Dossiers par état et par catégorie d'établissement",
  regions: "Chiffres par région",
  deploiement: "Déploiement du RIE mois par mois (relevé le plus récent de chaque établissement à la fin du mois)",
  "deploiement-categories": "Déploiement du RIE par catégorie d'établissement (dernier mois)",
  instruction: "Avancement de l'instruction par niveau",
  enveloppes: "Enveloppes par vague : montants accordés et disponibles",
} as const;

const TABLES = {
  entonnoir: (data) => ({
    caption: CAPTIONS.entonnoir,
    columns: [text("Étape"), integer("Dossiers"), share("Part des dossiers commencés")],
    rows: data.funnel.map((stage) => [stage.label, stage.count, { count: stage.count, of: data.funnel[0]!.count }]),
  }),
  suivi: (data) => {
    const selected = data.followUp.reduce((sum, stage) => sum + stage.count, 0);
    return {
      caption: CAPTIONS.suivi,
      columns: [text("Étape du suivi"), integer("Dossiers"), share("Part des dossiers retenus")],
      rows: data.followUp.map((stage) => [stage.label, stage.count, { count: stage.count, of: selected }]),
    };
  },
  "etats-regions": (data) => ({
    caption: CAPTIONS["etats-regions"],
    columns: [text("Région"), ...stateColumns],
    rows: data.byRegion.map((row) => [regionName(row.regionCode), ...stateCells(row.counts)]),
  }),
  "etats-categories": (data) => ({
    caption: CAPTIONS["etats-categories"],
    columns: [text("Catégorie"), ...stateColumns],
    rows: data.byCategory.map((row) => [`${row.label} (${row.categoryCode})`, ...stateCells(row.counts)]),
  }),
  regions: (data) => ({
    caption: CAPTIONS.regions,
    columns: [
      text("Région"),
      integer("Établissements éligibles"),
      integer("Établissements candidats"),
      share("Part des éligibles ayant candidaté"),
      integer("Dossiers"),
      ...rolloutColumns,
    ],
    rows: [...data.regions, { ...data.national, regionCode: "" }].map((row) => [
      row.regionCode === "" ? "Total" : regionName(row.regionCode),
      row.eligible,
      row.applied,
      { count: row.applied, of: row.eligible },
      row.dossiers,
      ...rolloutCells(row.rollout),
    ]),
  }),
  deploiement: (data) => ({
    caption: CAPTIONS.deploiement,
    columns: [text("Mois"), ...rolloutColumns],
    rows: data.rollout.curve.map((point) => [formatMonthFr(point.month), ...rolloutCells(point)]),
  }),
  "deploiement-categories": (data) => {
    const labelOf = new Map(data.categories.map((category) => [category.code, category.label]));
    return {
      caption: CAPTIONS["deploiement-categories"],
      columns: [text("Catégorie"), ...rolloutColumns],
      // In the order of the labels, as the other category table.
      rows: data.rollout.byCategory
        .map((row) => ({ row, label: `${labelOf.get(row.categoryCode) ?? row.categoryCode} (${row.categoryCode})` }))
        .sort((a, b) => a.label.localeCompare(b.label, "fr"))
        .map(({ row, label }) => [label, ...rolloutCells(row)]),
    };
  },
  instruction: (data) => ({
    caption: CAPTIONS.instruction,
    columns: [
      text("Niveau"),
      integer("Évaluations attribuées"),
      integer("Évaluations remises"),
      share("Part remise"),
      integer("En retard"),
      integer("Fins d'attribution pour conflit d'intérêts"),
    ],
    rows: data.review.map((tier) => [
      TIER_LABELS[tier.tier],
      tier.assigned,
      tier.submitted,
      { count: tier.submitted, of: tier.assigned },
      tier.overdue,
      tier.conflicts,
    ]),
  }),
  enveloppes: (data) => ({
    caption: CAPTIONS.enveloppes,
    columns: [
      text("Vague"),
      euros("Enveloppe"),
      euros("Accordé"),
      euros("Reste disponible"),
      euros("Demandé par les dossiers déposés"),
      integer("Dossiers retenus"),
    ],
    rows: data.envelopes.map((wave) => [
      wave.title,
      wave.availableCents,
      wave.grantedCents,
      wave.availableCents - wave.grantedCents,
      wave.requestedCents,
      wave.selected,
    ]),
  }),
} as const satisfies Record<string, (data: ProgrammeDashboard) => FigureTable>;

export type DashboardTableId = keyof typeof TABLES;
export const DASHBOARD_TABLE_IDS = Object.keys(TABLES) as [DashboardTableId, ...DashboardTableId[]];
export const ZDashboardTableId = z.enum(DASHBOARD_TABLE_IDS);
export const DASHBOARD_TABLE_CAPTIONS: Readonly<Record<DashboardTableId, string>> = CAPTIONS;

export function dashboardTable(data: ProgrammeDashboard, id: DashboardTableId): FigureTable {
  return TABLES[id](data);
}
