import { describe, expect, it } from "vitest";
import { listMissingForSubmission, type CompletenessInput, type MissingItem } from "./completeness";
import { emptyDossierContent, type DossierContent } from "./dossier-content";

const O1 = { id: "0198c1d2-0000-7000-8000-000000000001", code: "O1", required: true, position: 0 };
const O2 = { id: "0198c1d2-0000-7000-8000-000000000002", code: "O2", required: true, position: 1 };
const O3 = { id: "0198c1d2-0000-7000-8000-000000000003", code: "O3", required: false, position: 2 };

function completeDossier(): CompletenessInput {
  const content: DossierContent = {
    projectTitle: "Double authentification pour tous",
    projectSummary: "Clés FIDO2 et e-CPS pour l'ensemble des professionnels.",
    partners: [{ name: "Éditeur SSO", siret: "73282932000017", role: "IAM_SSO", solution: "SSO Santé" }],
    mieStrategy: [{ population: "SALARIED", mieTypes: ["E_CPS", "FIDO2_LOCAL"], headcount: 320, notes: "" }],
    iamPlan: "Déploiement d'un web-SSO avec connecteur OIDC vers le DPI.",
    pscFederationPlan: "Aucun projet de fédération avant 2027 : priorité au 2FA.",
    milestones: [{ label: "Clés distribuées", dueDate: "2026-09-30" }],
    budgetLines: [{ category: "EQUIPMENT", label: "Clés FIDO2", amountCents: 1_250_050n }],
    assessments: {
      [O1.id]: { status: "ACHIEVED", targetDate: null, explanation: "Procédure d'habilitation en vigueur." },
      [O2.id]: { status: "IN_PROGRESS", targetDate: "2026-12-31", explanation: "60 % des salariés équipés." },
      [O3.id]: { status: "PLANNED", targetDate: "2027-06-30", explanation: "" },
    },
  };
  return { content, objectives: [O3, O1, O2], evidenceCounts: { [O1.id]: 2 } };
}

/** A change to the complete dossier and the one item it must produce. */
type Case = [string, (input: CompletenessInput) => void, MissingItem];

const cases: Case[] = [
  [
    "no title",
    (s) => (s.content.projectTitle = " "),
    {
      section: "PROJECT",
      field: "projectTitle",
      message: "Le titre du projet est vide.",
      anchor: "field-projectTitle",
    },
  ],
  [
    "no summary",
    (s) => (s.content.projectSummary = ""),
    {
      section: "PROJECT",
      field: "projectSummary",
      message: "Le résumé du projet est vide.",
      anchor: "field-projectSummary",
    },
  ],
  [
    "no partner",
    (s) => (s.content.partners = []),
    {
      section: "PARTNERS",
      message: "Au moins un partenaire technologique doit être indiqué.",
      anchor: "section-partners",
    },
  ],
  [
    "a partner without a name",
    (s) => s.content.partners.push({ name: "", siret: null, role: "OTHER", solution: "" }),
    {
      section: "PARTNERS",
      field: "partners.1.name",
      message: "Le nom du partenaire n° 2 est vide.",
      anchor: "field-partners-1-name",
    },
  ],
  [
    "no MIE strategy",
    (s) => (s.content.mieStrategy = []),
    {
      section: "MIE_STRATEGY",
      message: "La stratégie MIE doit couvrir au moins une population de professionnels.",
      anchor: "section-mie-strategy",
    },
  ],
  [
    "a population without MIE",
    (s) => s.content.mieStrategy.push({ population: "INTERN", mieTypes: [], headcount: 12, notes: "" }),
    {
      section: "MIE_STRATEGY",
      field: "mieStrategy.1.mieTypes",
      message: "Aucun MIE n'est prévu pour la population « Internes ».",
      anchor: "field-mieStrategy-1-mieTypes",
    },
  ],
  [
    "a population without headcount",
    (s) => s.content.mieStrategy.push({ population: "TRAINEE", mieTypes: ["E_CPS"], headcount: null, notes: "" }),
    {
      section: "MIE_STRATEGY",
      field: "mieStrategy.1.headcount",
      message: "L'effectif de la population « Stagiaires » n'est pas indiqué.",
      anchor: "field-mieStrategy-1-headcount",
    },
  ],
  [
    "no IAM plan",
    (s) => (s.content.iamPlan = "\n"),
    {
      section: "IAM_SSO",
      field: "iamPlan",
      message: "Le volet IAM / SSO est vide : décrivez le projet, ou indiquez qu'aucun n'est prévu et pourquoi.",
      anchor: "field-iamPlan",
    },
  ],
  [
    "no PSC federation plan",
    (s) => (s.content.pscFederationPlan = ""),
    {
      section: "PSC_FEDERATION",
      field: "pscFederationPlan",
      message: "Le volet fédération avec Pro Santé Connect est vide : décrivez le projet, ou indiquez qu'aucun n'est prévu et pourquoi.",
      anchor: "field-pscFederationPlan",
    },
  ],
  [
    "no milestone",
    (s) => (s.content.milestones = []),
    {
      section: "TIMELINE",
      message: "Au moins un jalon doit être indiqué dans le calendrier.",
      anchor: "section-timeline",
    },
  ],
  [
    "a milestone without label",
    (s) => s.content.milestones.unshift({ label: "", dueDate: "2026-06-30" }),
    {
      section: "TIMELINE",
      field: "milestones.0.label",
      message: "Le libellé du jalon n° 1 est vide.",
      anchor: "field-milestones-0-label",
    },
  ],
  [
    "no budget line",
    (s) => (s.content.budgetLines = []),
    {
      section: "BUDGET",
      message: "Le budget demandé est nul.",
      anchor: "section-budget",
    },
  ],
  [
    "budget lines adding up to zero",
    (s) => (s.content.budgetLines = [{ category: "STAFF", label: "Chef de projet", amountCents: 0n }]),
    {
      section: "BUDGET",
      message: "Le budget demandé est nul.",
      anchor: "section-budget",
    },
  ],
  [
    "a budget line without label",
    (s) => s.content.budgetLines.push({ category: "STAFF", label: "", amountCents: 0n }),
    {
      section: "BUDGET",
      field: "budgetLines.1.label",
      message: "Le libellé de la ligne de budget n° 2 est vide.",
      anchor: "field-budgetLines-1-label",
    },
  ],
  [
    "a required objective not assessed",
    (s) => delete s.content.assessments[O2.id],
    {
      section: "SELF_ASSESSMENT",
      field: `assessments.${O2.id}.status`,
      message: "L'objectif obligatoire O2 n'a pas d'auto-évaluation.",
      anchor: "objective-O2",
    },
  ],
  [
    "an achieved objective without explanation",
    (s) => (s.content.assessments[O1.id] = { status: "ACHIEVED", targetDate: null, explanation: " " }),
    {
      section: "SELF_ASSESSMENT",
      field: `assessments.${O1.id}.explanation`,
      message: "L'objectif O1 est « atteint » mais aucune explication n'est donnée.",
      anchor: "objective-O1-explanation",
    },
  ],
  [
    "an objective in progress without explanation",
    (s) => (s.content.assessments[O3.id] = { status: "IN_PROGRESS", targetDate: "2027-01-31", explanation: "" }),
    {
      section: "SELF_ASSESSMENT",
      field: `assessments.${O3.id}.explanation`,
      message: "L'objectif O3 est « en cours » mais aucune explication n'est donnée.",
      anchor: "objective-O3-explanation",
    },
  ],
  [
    "a required objective not planned, without a reason",
    (s) => (s.content.assessments[O2.id] = { status: "NOT_PLANNED", targetDate: null, explanation: "" }),
    {
      section: "SELF_ASSESSMENT",
      field: `assessments.${O2.id}.explanation`,
      message: "L'objectif obligatoire O2 est « non prévu » : expliquez pourquoi.",
      anchor: "objective-O2-explanation",
    },
  ],
  [
    "a planned objective without target date",
    (s) => (s.content.assessments[O3.id] = { status: "PLANNED", targetDate: null, explanation: "" }),
    {
      section: "SELF_ASSESSMENT",
      field: `assessments.${O3.id}.targetDate`,
      message: "L'objectif O3 est « prévu » mais sa date cible n'est pas indiquée.",
      anchor: "objective-O3-targetDate",
    },
  ],
  [
    "an objective in progress without target date",
    (s) => (s.content.assessments[O2.id] = { status: "IN_PROGRESS", targetDate: null, explanation: "En cours." }),
    {
      section: "SELF_ASSESSMENT",
      field: `assessments.${O2.id}.targetDate`,
      message: "L'objectif O2 est « en cours » mais sa date cible n'est pas indiquée.",
      anchor: "objective-O2-targetDate",
    },
  ],
  [
    "an achieved objective without evidence",
    (s) => (s.evidenceCounts = { [O1.id]: 0 }),
    {
      section: "SELF_ASSESSMENT",
      field: `assessments.${O1.id}.evidence`,
      message: "L'objectif O1 est « atteint » mais aucune pièce justificative n'est jointe.",
      anchor: "objective-O1-evidence",
    },
  ],
];

describe("listMissingForSubmission", () => {
  it("finds nothing missing in a complete dossier", () => {
    expect(listMissingForSubmission(completeDossier())).toEqual([]);
  });

  it.each(cases)("%s: exactly that item", (_name, change, expected) => {
    const input = completeDossier();
    change(input);
    expect(listMissingForSubmission(input)).toEqual([expected]);
  });

  it("lets optional objectives go unassessed, and needs no explanation for « prévu » or an optional « non prévu »", () => {
    const input = completeDossier();
    delete input.content.assessments[O3.id];
    expect(listMissingForSubmission(input)).toEqual([]);
    input.content.assessments[O3.id] = { status: "NOT_PLANNED", targetDate: null, explanation: "" };
    expect(listMissingForSubmission(input)).toEqual([]);
  });

  it("lists problems in form order: sections, then objectives by position", () => {
    const input = completeDossier();
    input.content.assessments = {};
    input.content.projectSummary = "";
    input.content.budgetLines = [];
    expect(listMissingForSubmission(input).map((missing) => missing.anchor)).toEqual([
      "field-projectSummary",
      "section-budget",
      "objective-O1",
      "objective-O2",
    ]);
  });

  it("lists every section of a dossier just created", () => {
    const missing = listMissingForSubmission({ content: emptyDossierContent(), objectives: [O1, O2, O3], evidenceCounts: {} });
    expect(missing.map((item) => item.anchor)).toEqual([
      "field-projectTitle",
      "field-projectSummary",
      "section-partners",
      "section-mie-strategy",
      "field-iamPlan",
      "field-pscFederationPlan",
      "section-timeline",
      "section-budget",
      "objective-O1",
      "objective-O2",
    ]);
  });
});
