import type { Route } from "next";

export type FirstStep = { label: string; href: Route; done: boolean };

/**
 * What a new establishment does first, in order, from what its page already reads: the profile
 * (done once it names a contact: the registration asks for none), the roster (done once it holds a
 * professional), then the dossier (done once one is started). The page lists them until all are done.
 */
export function firstSteps({
  establishmentId,
  contacts,
  rosterSize,
  waves,
}: {
  establishmentId: string;
  contacts: number;
  rosterSize: number;
  waves: ReadonlyArray<{ application: { id: string } | null; eligibility: { eligible: boolean }; eligibilityPath: Route }>;
}): FirstStep[] {
  const dossier = waves.find((wave) => wave.application)?.application;
  const open = waves.find((wave) => wave.eligibility.eligible);
  return [
    {
      label: "Compléter le profil de l'établissement : contacts, GHT, accès au DMP",
      href: `/etablissements/${establishmentId}/profil` as Route,
      done: contacts > 0,
    },
    {
      label: "Saisir ou importer les professionnels dans le registre",
      href: `/etablissements/${establishmentId}/professionnels` as Route,
      done: rosterSize > 0,
    },
    dossier
      ? { label: "Commencer le dossier de candidature", href: `/dossiers/${dossier.id}` as Route, done: true }
      : open
        ? { label: "Commencer le dossier de candidature", href: open.eligibilityPath, done: false }
        : {
            label: "Commencer le dossier de candidature, dès qu'un appel à projets est ouvert",
            href: "#vagues-titre" as Route,
            done: false,
          },
  ];
}
