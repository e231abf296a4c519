/**
 * The dossier export's columns and one row's cells, as plain functions: who applied, every section
 * of the form, the self-assessment per objective, the indicators frozen at submission, the review
 * aggregates and the released decision (a staged proposal is not a decision yet, ADR 0013).
 *
 * The objectives differ from one wave version to another: the columns take the objectives' codes
 * in scope (one status, date and explanation each), and a dossier fills those of its own version.
 *
 * Public API: `DOSSIER_EXPORT_SELECT`, `ExportedDossier`, `ExportObjective`, `ScoringOf`,
 * `dossierExportColumns`, `dossierExportCells`.
 */
import type { Prisma } from "@/lib/db/generated/client";
import type { BudgetCategory } from "@/lib/db/generated/enums";
import { aggregateDossier, type TieredReview } from "@/lib/decisions/aggregation";
import { OUTCOME_LABELS } from "@/lib/decisions/labels";
import type { WaveDecisionSettings } from "@/lib/decisions/wave-scoring";
import { regionName } from "@/lib/establishments/territories";
import type { FigureCell, FigureColumn } from "@/lib/export/figure-table";
import { MIE_CATALOGUE } from "@/lib/mie/catalogue";
import type { SheetCriterion } from "@/lib/review/score-sheet";
import { formatNumericCalendarDate, parisToday } from "@/lib/time/paris";
import { calendarDateFromUtc } from "./calendar-date";
import { dossierReference } from "./dossier-reference";
import { DOSSIER_CONTENT_SELECT, dossierContentOf } from "./dossier-content-rows";
import { ASSESSMENT_STATUS_TITLES, BUDGET_CATEGORY_LABELS, PARTNER_ROLE_LABELS, POPULATION_LABELS } from "./labels";
import { DOSSIER_ROW_SELECT } from "./list-dossiers";
import { STATE_LABELS } from "./state-machine";

export const DOSSIER_EXPORT_SELECT = {
  ...DOSSIER_ROW_SELECT,
  ...DOSSIER_CONTENT_SELECT,
  waveId: true,
  waveVersionId: true,
  assessments: { select: { objectiveId: true, status: true, targetDate: true, explanation: true, objective: { select: { code: true } } } },
  submissions: { orderBy: { receivedAt: "desc" }, take: 1, select: { receivedAt: true, contentHash: true } },
  snapshots: {
    where: { reason: "SUBMISSION" },
    orderBy: { takenAt: "desc" },
    take: 1,
    select: { takenAt: true, active: true, registered: true, substantialId: true, rieCompliant: true, dmpReady: true },
  },
  decisions: {
    where: { releasedAt: { not: null } },
    orderBy: { releasedAt: "desc" },
    take: 1,
    select: { outcome: true, amountGrantedCents: true, releasedAt: true },
  },
} as const satisfies Prisma.ApplicationSelect;

export type ExportedDossier = Prisma.ApplicationGetPayload<{ select: typeof DOSSIER_EXPORT_SELECT }>;

export type ExportObjective = { code: string; title: string };

/** What the review aggregates of a dossier need: its grid's criteria and its wave's settings. */
export type ScoringOf = {
  criteria: (waveVersionId: string) => readonly SheetCriterion[];
  settings: (waveId: string) => WaveDecisionSettings;
};

const BUDGET_CATEGORIES = Object.keys(BUDGET_CATEGORY_LABELS) as BudgetCategory[];

const text = (label: string): FigureColumn => ({ label, kind: "text" });
const integer = (label: string): FigureColumn => ({ label, kind: "integer" });
const decimal = (label: string): FigureColumn => ({ label, kind: "decimal" });
const euros = (label: string): FigureColumn => ({ label, kind: "euros" });
const date = (label: string): FigureColumn => ({ label, kind: "date" });
const dateTime = (label: string): FigureColumn => ({ label, kind: "datetime" });

export function dossierExportColumns(objectives: readonly ExportObjective[]): FigureColumn[] {
  return [
    text("Référence"),
    text("Établissement"),
    text("FINESS"),
    text("Catégorie"),
    text("Région"),
    text("Vague"),
    text("État"),
    dateTime("Déposé le (heure de Paris)"),
    text("Empreinte du dépôt (SHA-256)"),
    text("Projet"),
    text("Résumé du projet"),
    text("Partenaires technologiques"),
    text("Stratégie MIE"),
    integer("Professionnels couverts par la stratégie MIE"),
    text("Gestion des identités et SSO"),
    text("Fédération avec Pro Santé Connect"),
    text("Calendrier"),
    euros("Budget demandé"),
    ...BUDGET_CATEGORIES.map((category) => euros(`Budget : ${BUDGET_CATEGORY_LABELS[category]}`)),
    ...objectives.flatMap((objective) => [
      text(`Objectif ${objective.code} (${objective.title}) : auto-évaluation`),
      date(`Objectif ${objective.code} : échéance`),
      text(`Objectif ${objective.code} : explication`),
    ]),
    date("Indicateurs figés le"),
    integer("Professionnels en activité (au dépôt)"),
    integer("Enregistrés au RPPS (au dépôt)"),
    integer("Identité vérifiée au niveau substantiel (au dépôt)"),
    integer("Équipés d'un MIE conforme au RIE (au dépôt)"),
    integer("En mesure d'accéder au DMP (au dépôt)"),
    integer("Évaluations remises"),
    decimal("Note brute (sur 100)"),
    decimal("Moyenne des évaluations (sur 100)"),
    decimal("Médiane des évaluations (sur 100)"),
    decimal("Écart-type des évaluations"),
    decimal("Écart entre les évaluations extrêmes"),
    text("À discuter"),
    text("Décision"),
    euros("Montant accordé"),
    date("Décision publiée le"),
  ];
}

const lines = (values: readonly string[]) => values.join("\n");

/** One dossier's cells, in the order of `dossierExportColumns(objectives)`. */
export function dossierExportCells(
  row: ExportedDossier,
  reviews: readonly TieredReview[],
  objectives: readonly ExportObjective[],
  scoring: ScoringOf,
): FigureCell[] {
  const content = dossierContentOf(row);
  const submission = row.submissions[0];
  const frozen = row.snapshots[0];
  const decision = row.decisions[0];
  const aggregate =
    reviews.length > 0 ? aggregateDossier(scoring.criteria(row.waveVersionId), reviews, new Map(), scoring.settings(row.waveId)) : null;
  const spread = aggregate?.spread ?? null;
  const assessments = new Map(row.assessments.map((assessment) => [assessment.objective.code, assessment]));
  // A dossier without a budget line asks for nothing yet: its budget cells are empty, not 0 €. With
  // lines, a category without one is 0 €, and the categories add up to the total.
  const budget = (category?: BudgetCategory) =>
    content.budgetLines.length === 0
      ? null
      : content.budgetLines.filter((line) => !category || line.category === category).reduce((sum, line) => sum + line.amountCents, 0n);
  const headcounts = content.mieStrategy.flatMap((line) => (line.headcount === null ? [] : [line.headcount]));
  return [
    dossierReference(row.number),
    row.establishment.name,
    row.establishment.finessEt,
    row.establishment.category.label,
    regionName(row.establishment.regionCode),
    row.wave.title,
    STATE_LABELS[row.state],
    submission?.receivedAt ?? null,
    submission?.contentHash ?? "",
    content.projectTitle,
    content.projectSummary,
    lines(
      content.partners.map(
        (partner) =>
          `${partner.name} (${PARTNER_ROLE_LABELS[partner.role]})${partner.solution ? ` – ${partner.solution}` : ""}${partner.siret ? ` – SIRET ${partner.siret}` : ""}`,
      ),
    ),
    lines(
      content.mieStrategy.map(
        (line) =>
          `${POPULATION_LABELS[line.population]}${line.headcount === null ? "" : ` (${line.headcount})`} : ${line.mieTypes.map((type) => MIE_CATALOGUE[type].shortLabel).join(", ") || "aucun MIE"}${line.notes ? ` – ${line.notes}` : ""}`,
      ),
    ),
    // No headcount typed is no figure, not 0 professionals.
    headcounts.length === 0 ? null : headcounts.reduce((sum, headcount) => sum + headcount, 0),
    content.iamPlan,
    content.pscFederationPlan,
    lines(content.milestones.map((milestone) => `${formatNumericCalendarDate(milestone.dueDate)} : ${milestone.label}`)),
    budget(),
    ...BUDGET_CATEGORIES.map((category) => budget(category)),
    ...objectives.flatMap((objective) => {
      const assessment = assessments.get(objective.code);
      if (!assessment) return ["", null, ""];
      return [
        ASSESSMENT_STATUS_TITLES[assessment.status],
        assessment.targetDate ? calendarDateFromUtc(assessment.targetDate) : null,
        assessment.explanation,
      ];
    }),
    frozen ? parisToday(frozen.takenAt) : null,
    frozen?.active ?? null,
    frozen?.registered ?? null,
    frozen?.substantialId ?? null,
    frozen?.rieCompliant ?? null,
    frozen?.dmpReady ?? null,
    reviews.length,
    aggregate?.raw ?? null,
    spread?.mean ?? null,
    spread?.median ?? null,
    spread?.standardDeviation ?? null,
    spread?.range ?? null,
    aggregate ? (aggregate.toDiscuss ? "Oui" : "Non") : "",
    decision ? OUTCOME_LABELS[decision.outcome] : "",
    decision?.amountGrantedCents ?? null,
    decision?.releasedAt ? parisToday(decision.releasedAt) : null,
  ];
}
