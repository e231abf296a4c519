import { describe, expect, it } from "vitest";
import { parseSection, SECTION_SCHEMAS } from "./index";

const O1 = "0198c1d2-0000-7000-8000-000000000001";
const O2 = "0198c1d2-0000-7000-8000-000000000002";
const VALID_SIRET = "73282932000017";

function errorsOf(section: keyof typeof SECTION_SCHEMAS, data: unknown) {
  const result = parseSection(section, data);
  if (result.ok) throw new Error("expected a refusal");
  return result.fieldErrors;
}

describe("draft sections accept what is incomplete", () => {
  it.each([
    ["PROJECT", { projectTitle: "", projectSummary: "" }],
    ["PARTNERS", { partners: [] }],
    ["PARTNERS", { partners: [{ name: "", siret: "", role: "IAM_SSO", solution: "" }] }],
    ["MIE_STRATEGY", { mieStrategy: [{ population: "SALARIED", mieTypes: [], headcount: "", notes: "" }] }],
    ["IAM_SSO", { iamPlan: "" }],
    ["PSC_FEDERATION", { pscFederationPlan: "" }],
    ["TIMELINE", { milestones: [{ label: "", dueDate: "2026-06-30" }] }],
    ["BUDGET", { budgetLines: [{ category: "EQUIPMENT", label: "", amount: "0" }] }],
    ["SELF_ASSESSMENT", { assessments: { [O1]: { status: null, targetDate: "", explanation: "" } } }],
  ] as const)("%s %j", (section, data) => {
    expect(parseSection(section, data).ok).toBe(true);
  });
});

describe("PROJECT", () => {
  it("cleans text: trims, NFC, no control characters, one line for a title", () => {
    const result = parseSection("PROJECT", {
      projectTitle: "  Sécurisation\tdes\naccès\u0000 ",
      projectSummary: "Ligne 1\u000bLigne 2\r\nCafe\u0301",
    });
    expect(result).toEqual({
      ok: true,
      data: { projectTitle: "Sécurisation des accès", projectSummary: "Ligne 1\nLigne 2\nCafé" },
    });
  });

  it("refuses a title too long, counting characters after cleaning", () => {
    expect(parseSection("PROJECT", { projectTitle: ` ${"a".repeat(200)} `, projectSummary: "" }).ok).toBe(true);
    expect(errorsOf("PROJECT", { projectTitle: "a".repeat(201), projectSummary: "" })).toEqual({
      projectTitle: "Le titre du projet ne doit pas dépasser 200 caractères.",
    });
  });

  it("answers in French when the request is not what a form sends", () => {
    expect(errorsOf("PROJECT", { projectTitle: 3 })).toEqual({
      projectTitle: "Valeur invalide.",
      projectSummary: "Valeur invalide.",
    });
    expect(errorsOf("PROJECT", null)).toEqual({ root: "Valeur invalide." });
  });
});

describe("PARTNERS", () => {
  const partner = { name: "Éditeur SSO", siret: "", role: "IAM_SSO", solution: "" };

  it("stores a SIRET typed with spaces as its 14 digits, and an empty one as null", () => {
    const result = parseSection("PARTNERS", {
      partners: [
        { ...partner, siret: "732 829 320 00017" },
        { ...partner, siret: null },
      ],
    });
    expect(result.ok && result.data.partners.map((p) => p.siret)).toEqual([VALID_SIRET, null]);
  });

  it("refuses a SIRET with a wrong length or check key, on the row's field", () => {
    expect(
      errorsOf("PARTNERS", {
        partners: [partner, { ...partner, siret: "7328293200001" }, { ...partner, siret: "73282932000018" }],
      }),
    ).toEqual({
      "partners.1.siret": "Le SIRET doit comporter 14 chiffres.",
      "partners.2.siret": "Le SIRET 73282932000018 n'est pas valide : sa clé de contrôle ne correspond pas. Vérifiez les chiffres saisis.",
    });
  });

  it("needs a role from the list", () => {
    expect(errorsOf("PARTNERS", { partners: [{ ...partner, role: "" }] })).toEqual({
      "partners.0.role": "Choisissez le rôle du partenaire.",
    });
  });

  it("caps the number of partners", () => {
    expect(errorsOf("PARTNERS", { partners: Array.from({ length: 31 }, () => partner) })).toEqual({
      partners: "Un dossier compte au plus 30 partenaires.",
    });
  });
});

describe("MIE_STRATEGY", () => {
  const line = { population: "SALARIED", mieTypes: ["E_CPS"], headcount: 120, notes: "" };

  it("keeps MIE types as a set in catalogue order, and reads headcounts as typed", () => {
    const result = parseSection("MIE_STRATEGY", {
      mieStrategy: [
        { ...line, mieTypes: ["FIDO2_LOCAL", "CPS", "FIDO2_LOCAL"], headcount: "1 200" },
        { ...line, population: "INTERN", headcount: Number.NaN },
      ],
    });
    expect(result.ok && result.data.mieStrategy).toEqual([
      { population: "SALARIED", mieTypes: ["CPS", "FIDO2_LOCAL"], headcount: 1200, notes: "" },
      { population: "INTERN", mieTypes: ["E_CPS"], headcount: null, notes: "" },
    ]);
  });

  it("refuses an MIE outside the catalogue, a bad headcount and a population twice", () => {
    expect(
      errorsOf("MIE_STRATEGY", {
        mieStrategy: [
          { ...line, mieTypes: ["CPS", "SMS_MAGIQUE"] },
          { ...line, population: "INTERN", headcount: -1 },
          { ...line, population: "TRAINEE", headcount: "12,5" },
          { ...line, population: "TEMPORARY", headcount: 2_000_000 },
        ],
      }),
    ).toEqual({
      "mieStrategy.0.mieTypes.1": "Ce MIE ne figure pas au catalogue.",
      "mieStrategy.1.headcount": "L'effectif doit être un nombre entier positif ou nul.",
      "mieStrategy.2.headcount": "L'effectif doit être un nombre entier positif ou nul.",
      "mieStrategy.3.headcount": "L'effectif ne peut pas dépasser 1 000 000.",
    });
    expect(errorsOf("MIE_STRATEGY", { mieStrategy: [line, { ...line, population: "INTERN" }, line] })).toEqual({
      "mieStrategy.2.population": "La population « Salariés » figure déjà sur une autre ligne.",
    });
  });
});

describe("IAM_SSO and PSC_FEDERATION", () => {
  it("cap their plans", () => {
    expect(errorsOf("IAM_SSO", { iamPlan: "a".repeat(10_001) })).toEqual({
      iamPlan: "Le volet IAM / SSO ne doit pas dépasser 10\u202f000 caractères.",
    });
    expect(errorsOf("PSC_FEDERATION", { pscFederationPlan: "a".repeat(10_001) })).toEqual({
      pscFederationPlan: "Le volet fédération avec Pro Santé Connect ne doit pas dépasser 10\u202f000 caractères.",
    });
  });
});

describe("TIMELINE", () => {
  it("needs a real due date on each milestone", () => {
    expect(
      errorsOf("TIMELINE", {
        milestones: [
          { label: "Déploiement", dueDate: "" },
          { label: "Bilan", dueDate: "2026-02-30" },
          { label: "Fin", dueDate: "30/06/2026" },
        ],
      }),
    ).toEqual({
      "milestones.0.dueDate": "Indiquez la date du jalon.",
      "milestones.1.dueDate": "Cette date n'existe pas.",
      "milestones.2.dueDate": "Indiquez une date valide (jj/mm/aaaa).",
    });
  });
});

describe("BUDGET", () => {
  it("turns the typed amount into bigint cents", () => {
    const result = parseSection("BUDGET", {
      budgetLines: [{ category: "EQUIPMENT", label: "Clés FIDO2", amount: "12 500,50" }],
    });
    expect(result).toEqual({
      ok: true,
      data: { budgetLines: [{ category: "EQUIPMENT", label: "Clés FIDO2", amountCents: 1_250_050n }] },
    });
  });

  it("refuses negative amounts, more than two decimals, a missing amount or category", () => {
    expect(
      errorsOf("BUDGET", {
        budgetLines: [
          { category: "EQUIPMENT", label: "", amount: "-10" },
          { category: "SOFTWARE", label: "", amount: "10,505" },
          { category: "SERVICES", label: "", amount: "" },
          { category: "CAFE", label: "", amount: "1" },
        ],
      }),
    ).toEqual({
      "budgetLines.0.amount": "Le montant ne peut pas être négatif.",
      "budgetLines.1.amount": "Le montant ne peut pas avoir plus de deux décimales (centimes).",
      "budgetLines.2.amount": "Indiquez un montant.",
      "budgetLines.3.category": "Choisissez la catégorie de dépense.",
    });
  });
});

describe("SELF_ASSESSMENT", () => {
  it("keeps assessed objectives and drops the ones not assessed yet", () => {
    const result = parseSection("SELF_ASSESSMENT", {
      assessments: {
        [O1]: { status: "PLANNED", targetDate: "2026-12-31", explanation: " Clés commandées. " },
        [O2]: { status: null, targetDate: null, explanation: "" },
      },
    });
    expect(result).toEqual({
      ok: true,
      data: { assessments: { [O1]: { status: "PLANNED", targetDate: "2026-12-31", explanation: "Clés commandées." } } },
    });
  });

  it("refuses what cannot be stored: content without status, bad date, unknown status or objective", () => {
    expect(
      errorsOf("SELF_ASSESSMENT", {
        assessments: {
          [O1]: { status: null, targetDate: "", explanation: "Rien encore." },
          [O2]: { status: "DONE", targetDate: "2026-04-31", explanation: "" },
          "pas-un-identifiant": { status: "ACHIEVED", targetDate: null, explanation: "" },
        },
      }),
    ).toEqual({
      [`assessments.${O1}.status`]: "Choisissez le statut de l'objectif pour enregistrer sa date cible ou son explication.",
      [`assessments.${O2}.status`]: "Choisissez le statut de l'objectif.",
      [`assessments.${O2}.targetDate`]: "Cette date n'existe pas.",
      "assessments.pas-un-identifiant": "Objectif inconnu.",
    });
  });
});

describe("every message a user can read is French", () => {
  it.each(Object.keys(SECTION_SCHEMAS) as (keyof typeof SECTION_SCHEMAS)[])("%s, whatever is sent", (section) => {
    for (const junk of [
      undefined,
      42,
      "texte",
      [],
      {},
      { partners: [{}], mieStrategy: [{}], budgetLines: [{}], milestones: [{}], assessments: { x: 1 } },
    ]) {
      const result = parseSection(section, junk);
      if (result.ok) continue;
      for (const message of Object.values(result.fieldErrors)) {
        expect(message).not.toMatch(/^(Invalid|Too|Expected|Unrecognized|Required)/);
      }
    }
  });
});
