import { describe, expect, it } from "vitest";
import { describeAuditDetails } from "./details";

const read = (details: unknown) =>
  describeAuditDetails(details).map(({ label, value }) => `${label} : ${value}`.replace(/\u202f|\u00a0/g, " "));

describe("an audit event's details as a manager reads them", () => {
  it("names a withdrawn extension's reason as the grant's, not as the withdrawal's « Motif »", () => {
    const read_ = (details: unknown) => describeAuditDetails(details, { action: "extension.withdrawn" }).map(({ label }) => label);
    expect(read_({ grantReason: "Incident." })).toEqual(["Motif de la prolongation retirée"]);
    // Entries written before the key was renamed.
    expect(read_({ reason: "Incident." })).toEqual(["Motif de la prolongation retirée"]);
    expect(read({ reason: "Incident." })).toEqual(["Motif : Incident."]);
  });

  it("names each key in French, amounts in euros, codes by their label", () => {
    expect(read({ outcome: "WAITLISTED", replaced: null, decisionId: "01a242d5-d33b", amountGrantedCents: "26900000" })).toEqual([
      "Sens de la décision : Liste d'attente",
      "Remplace : –",
      "Décision : 01a242d5-d33b",
      "Montant accordé : 269 000 €",
    ]);
    expect(read({ method: "DEMO_LINK" })).toEqual(["Méthode : lien de démonstration"]);
    expect(read({ device: "Firefox sur Android" })).toEqual(["Appareil : Firefox sur Android"]);
    expect(read({ email: "a@b.fr", from: "REVIEWER", to: "PROGRAMME_MANAGER" })).toEqual([
      "Adresse électronique : a@b.fr",
      "Avant : instructeur ou instructrice de l'ANS",
      "Après : chargé ou chargée de programme",
    ]);
    expect(read({ rows: 4, format: "csv", totalCents: "73750000" })).toEqual(["Lignes : 4", "Format : CSV", "Montant total : 737 500 €"]);
    // A dossier's states, a tranche and a wave's year as the pages name them; amounts to the cent.
    expect(read({ from: "SCORED", to: "UNDER_REVIEW", kind: "ADVANCE", amountCents: "970370", year: 2027 })).toEqual([
      "Avant : Évalué",
      "Après : En instruction",
      "Type : Avance à la sélection",
      "Montant : 9 703,70 €",
      "Année : 2027",
    ]);
  });

  it("reads a change before then after, in whatever order the database gave its keys back", () => {
    expect(read({ changes: { title: { to: "HospiConnect", from: "HospiConect" } } })).toEqual([
      "Modifications : Titre : Avant : HospiConect ; Après : HospiConnect",
    ]);
    expect(read({ to: "B", kind: "x" })).toEqual(["Après : B", "Type : x"]);
  });

  it("reads a changed amount, a wave's kind, a tranche's states and a dashboard's map by what they are", () => {
    expect(
      read({ changes: { fundingEnvelopeCents: { to: 200000000, from: "150000000" }, kind: { from: "PILOT", to: "GENERALISATION" } } }),
    ).toEqual([
      "Modifications : Enveloppe : Avant : 1 500 000 € ; Après : 2 000 000 € ; Type : Avant : Vague pilote ; Après : Vague de généralisation",
    ]);
    expect(read({ from: "ORDERED", to: "PAID", paidOn: "2026-11-30", paymentReference: "MDT-1" })).toEqual([
      "Avant : Ordonnancée",
      "Après : Versée",
      "Versée le : 30 novembre 2026",
      "Référence du versement : MDT-1",
    ]);
    expect(read({ filters: { carte: "applied" }, opensAt: "2027-01-04T08:00:00.000Z", eligibleCategoryCodes: ["500"] })).toEqual([
      "Filtres : Carte : Part des établissements éligibles ayant candidaté",
      "Ouverture : 4 janvier 2027 à 9 h 00",
      "Catégories éligibles : 500",
    ]);
  });

  it("names a roster import's figures", () => {
    expect(read({ fileName: "registre.csv", created: 7, updated: 1, unchanged: 40, rejected: 2 })).toEqual([
      "Fichier : registre.csv",
      "Ajoutés : 7",
      "Mis à jour : 1",
      "Déjà à jour : 40",
      "Lignes rejetées : 2",
    ]);
  });

  it("names a release's dossiers not selected as such, not as an import's refused lines", () => {
    const details = { selected: 2, rejected: 1, waitlisted: 0 };
    expect(describeAuditDetails(details, { action: "decisions.released" }).map(({ label, value }) => `${label} : ${value}`)).toEqual([
      "Retenus : 2",
      "Non retenus : 1",
      "En liste d'attente : 0",
    ]);
  });

  it("never shows the « Précisions » of a conflict declaration that earlier versions copied into the log", () => {
    const stored = { applicationId: "01a24e8c-efe2", tier: "NATIONAL", type: "OTHER", details: "Ma belle-sœur, Mme Jeanne Dupont…" };
    const lines = describeAuditDetails(stored, { action: "review.conflict_declared" }).map(({ label, value }) => `${label} : ${value}`);
    expect(lines.join("\n")).not.toContain("Dupont");
    expect(lines).toHaveLength(3);
  });

  it("names conflict types, dashboard tables, a new grid version's cause and a proposal's amount in French", () => {
    expect(read({ type: "PERSONAL_TIE", contentHash: "a93169" })).toEqual([
      "Type : lien personnel ou familial",
      "Empreinte du contenu : a93169",
    ]);
    expect(read({ table: "entonnoir", because: "WAVE_OPENED" })).toEqual([
      "Tableau : Entonnoir des dossiers",
      "Raison : La vague a déjà ouvert",
    ]);
    const proposal = describeAuditDetails({ outcome: "SELECTED", amountGrantedCents: "52380000" }, { action: "decision.staged" });
    expect(proposal.map(({ label }) => label)).toEqual(["Sens de la décision", "Montant proposé"]);
  });

  it("says what a proposal replaced: the earlier proposal's decision and amount, not the dossier", () => {
    const replaced = { decisionId: "01a242d5-d33b", outcome: "SELECTED", amountGrantedCents: "1234567" };
    expect(read({ outcome: "WAITLISTED", replaced })).toEqual(["Sens de la décision : Liste d'attente", "Remplace : Retenu – 12 345,67 €"]);
    expect(read({ replaced: { ...replaced, outcome: "REJECTED", amountGrantedCents: null } })).toEqual(["Remplace : Non retenu"]);
    // Entries written before hold the earlier proposal's id only, which the page knows by its dossier.
    const names = new Map([["01a242d5-d33b", "HC-00024"]]);
    expect(describeAuditDetails({ replaced: "01a242d5-d33b" }, { action: "decision.staged", names })).toEqual([
      { label: "Remplace", value: "la proposition précédente du dossier HC-00024" },
    ]);
  });

  it("shows the ids the page has names for by their names, wherever they are", () => {
    const names = new Map([
      ["01a24e8c-b71c-7285-8000-000000000001", "« Vague 2025 »"],
      ["01a24e8c-fb09-7000-8000-000000000002", "HC-00011"],
      ["01a24e8c-fb55-7000-8000-000000000003", "HC-00017"],
    ]);
    const lines = describeAuditDetails(
      {
        filters: { wave: "01a24e8c-b71c-7285-8000-000000000001" },
        decisionIds: ["01a24e8c-fb09-7000-8000-000000000002", "01a24e8c-fb55-7000-8000-000000000003"],
        applicationId: "01a24e8c-ffff-7000-8000-000000000004",
      },
      { names },
    ).map(({ label, value }) => `${label} : ${value}`);
    expect(lines).toEqual([
      "Filtres : Vague : « Vague 2025 »",
      "Décisions : HC-00011, HC-00017",
      "Dossier : 01a24e8c-ffff-7000-8000-000000000004",
    ]);
  });

  it("names a roster bulk action as the roster's panel offers it", () => {
    expect(read({ action: "ADD_MIE", count: 3, type: "E_CPS", label: "e-CPS" })).toEqual([
      "Action : Attribuer un MIE",
      "Nombre : 3",
      "Type : e-CPS",
      "Libellé : e-CPS",
    ]);
    expect(read({ action: "MARK_REGISTERED", count: 2 })[0]).toBe("Action : Marquer enregistrés au RPPS");
    expect(read({ action: "END_ACTIVITY", count: 1 })[0]).toBe("Action : Mettre fin à l'activité");
  });

  it("says why a sign-in was refused in French", () => {
    expect(read({ method: "PASSKEY", reason: "unknown credential" })).toEqual(["Méthode : clé d'accès", "Motif : clé d'accès inconnue"]);
    expect(read({ reason: "account disabled" })).toEqual(["Motif : compte désactivé"]);
    expect(read({ method: "PRO_SANTE_CONNECT", reason: "unknown-rpps" })).toEqual([
      "Méthode : Pro Santé Connect",
      "Motif : aucun compte associé à l'identifiant RPPS",
    ]);
  });

  it("reads nested filters, yes-no answers, instants in Paris time and calendar days", () => {
    expect(read({ filters: { dir: "asc", sort: "overdue", format: "xlsx", overdue: false } })).toEqual([
      "Filtres : Ordre : croissant ; Tri : vérifications en retard d'abord ; Format : XLSX ; En retard : non",
    ]);
    // An export's filters, as the list's own fields name them.
    expect(read({ filters: { wave: "01a24a96-c34f", search: "genets", state: "SUBMITTED", region: "28", sort: "recent" } })).toEqual([
      "Filtres : Vague : 01a24a96-c34f ; Recherche : genets ; État : Déposé ; Région : Normandie ; Tri : dernière modification",
    ]);
    expect(read({ from: "2026-03-01T22:59:00.000Z", to: null, decidedAt: "2026-02-15" })).toEqual([
      "Avant : 1er mars 2026 à 23 h 59",
      "Après : –",
      "Date de décision : 15 février 2026",
    ]);
  });

  it("names what a dossier's members did to it by the section and the objective, never by a file's name", () => {
    expect(read({ section: "PSC_FEDERATION", version: 3 })).toEqual(["Section : Fédération avec Pro Santé Connect", "Version : 3"]);
    expect(read({ attachmentId: "01a2", sha256: "ab12", objectiveCode: "O2" })).toEqual([
      "Pièce jointe : 01a2",
      "Empreinte du fichier (SHA-256) : ab12",
      "Objectif : O2",
    ]);
    expect(read({ messageId: "01a3", files: 2 })).toEqual(["Message : 01a3", "Fichiers : 2"]);
    expect(read({ receivedAt: "2026-12-07T09:30:00.000Z" })).toEqual(["Dépôt reçu le : 7 décembre 2026 à 10 h 30"]);
    expect(read({ decisionId: "01a4", releasedAt: "2026-12-07T09:30:00.000Z" })).toEqual([
      "Décision : 01a4",
      "Décision publiée le : 7 décembre 2026 à 10 h 30",
    ]);
  });

  it("shows a key or a code it has no label for as stored, and nothing for no details", () => {
    expect(read({ somethingNew: "CODE_X", tier: "NATIONAL", files: ["ab12", "cd34"] })).toEqual([
      "somethingNew : CODE_X",
      "Niveau : National (ANS)",
      "Fichiers : ab12, cd34",
    ]);
    expect(read(null)).toEqual([]);
    expect(read({})).toEqual([]);
  });
});
