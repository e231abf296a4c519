import type { Route } from "next";
import { describe, expect, it } from "vitest";
import { firstSteps } from "./first-steps";

const id = "0193c2a0-0000-7000-8000-000000000001";
const openWave = {
  application: null,
  eligibility: { eligible: true },
  eligibilityPath: `/vagues/v1/eligibilite?etablissement=${id}` as Route,
};

describe("the first steps of a new establishment", () => {
  it("lists the profile, the roster and the dossier, each with its link, none done at first", () => {
    expect(firstSteps({ establishmentId: id, contacts: 0, rosterSize: 0, waves: [openWave] })).toEqual([
      { label: "Compléter le profil de l'établissement : contacts, GHT, accès au DMP", href: `/etablissements/${id}/profil`, done: false },
      { label: "Saisir ou importer les professionnels dans le registre", href: `/etablissements/${id}/professionnels`, done: false },
      { label: "Commencer le dossier de candidature", href: openWave.eligibilityPath, done: false },
    ]);
  });

  it("marks each step done from the page's data, and leads to the dossier once it is started", () => {
    const steps = firstSteps({
      establishmentId: id,
      contacts: 1,
      rosterSize: 12,
      waves: [{ ...openWave, application: { id: "dossier-1" } }],
    });
    expect(steps.map((step) => step.done)).toEqual([true, true, true]);
    expect(steps[2]!.href).toBe("/dossiers/dossier-1");
  });

  it("points at the calls for projects when no wave is open to the establishment", () => {
    expect(firstSteps({ establishmentId: id, contacts: 0, rosterSize: 0, waves: [] })[2]).toEqual({
      label: "Commencer le dossier de candidature, dès qu'un appel à projets est ouvert",
      href: "#vagues-titre",
      done: false,
    });
  });
});
