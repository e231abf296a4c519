import { describe, expect, it } from "vitest";
import { readSectionField } from "@/lib/applications/sections/field-labels";
import { readScoreSheetField } from "@/lib/review/score-sheet-labels";
import { differences } from "./differences";

const OBJECTIVE = { id: "0198c1d2-0000-7000-8000-000000000001", code: "O2", title: "Authentification à double facteur" };
const readDossier = (path: string, value: unknown) => readSectionField(path, value, [OBJECTIVE]);

describe("differences between two versions of a section", () => {
  it("names each field as the form labels it and its values in the form's words", () => {
    const mine = {
      partners: [
        { name: "Acme IAM", siret: "", role: "INTEGRATOR", solution: "Portail" },
        { name: "Clés & Co", siret: "", role: "MIE_PROVIDER", solution: "" },
      ],
    };
    const theirs = {
      partners: [
        { name: "Acme IAM", siret: "73282932000017", role: "OTHER", solution: "Portail" },
        { name: "Clés & Co", siret: "", role: "MIE_PROVIDER", solution: "" },
      ],
    };
    expect(differences(mine, theirs, readDossier)).toEqual([
      { path: "partners.0.siret", field: "Partenaire 1 – SIRET", mine: "", theirs: "73282932000017" },
      { path: "partners.0.role", field: "Partenaire 1 – Rôle dans le projet", mine: "Intégrateur", theirs: "Autre" },
    ]);
  });

  it("reads a row only one version has, and the MIE types ticked as one field", () => {
    const mine = { mieStrategy: [{ population: "SALARIED", mieTypes: ["CPS", "E_CPS"], headcount: "40", notes: "" }] };
    const theirs = { mieStrategy: [] };
    expect(differences(mine, theirs, readDossier)).toEqual([
      { path: "mieStrategy.0.population", field: "Population 1 – Population", mine: "Salariés", theirs: "" },
      {
        path: "mieStrategy.0.mieTypes",
        field: "Population 1 – Moyens d'identification prévus",
        mine: "Carte CPS (ou CPE / CPF) avec code PIN ; Application e-CPS",
        theirs: "",
      },
      { path: "mieStrategy.0.headcount", field: "Population 1 – Nombre de professionnels concernés", mine: "40", theirs: "" },
    ]);
  });

  it("names an objective's self-assessment by the objective, with dates as the French write them", () => {
    const mine = { assessments: { [OBJECTIVE.id]: { status: "IN_PROGRESS", targetDate: "2026-06-30", explanation: "" } } };
    const theirs = { assessments: { [OBJECTIVE.id]: { status: "ACHIEVED", targetDate: null, explanation: "" } } };
    expect(differences(mine, theirs, readDossier)).toEqual([
      {
        path: `assessments.${OBJECTIVE.id}.status`,
        field: "O2. Authentification à double facteur – Où en est l'établissement ?",
        mine: "En cours",
        theirs: "Atteint",
      },
      {
        path: `assessments.${OBJECTIVE.id}.targetDate`,
        field: "O2. Authentification à double facteur – Date cible",
        mine: "30/06/2026",
        theirs: "",
      },
    ]);
  });

  it("treats empty text, null and an empty list alike", () => {
    expect(differences({ projectTitle: "", partners: [] }, { projectTitle: null, partners: [] }, readDossier)).toEqual([]);
  });

  it("names a score sheet's fields by their criterion", () => {
    const criterion = { id: "0198c1d2-0000-7000-8000-0000000000c1", code: "C1" };
    const mine = { overallComment: "Solide", scores: { [criterion.id]: { value: "", notApplicable: true, comment: "" } } };
    const theirs = { overallComment: "", scores: { [criterion.id]: { value: "3", notApplicable: false, comment: "" } } };
    expect(differences(mine, theirs, (path, value) => readScoreSheetField(path, value, [criterion]))).toEqual([
      { path: "overallComment", field: "Appréciation générale", mine: "Solide", theirs: "" },
      { path: `scores.${criterion.id}.value`, field: "C1 – Note", mine: "", theirs: "3" },
      { path: `scores.${criterion.id}.notApplicable`, field: "C1 – Sans objet", mine: "Oui", theirs: "Non" },
    ]);
  });
});
