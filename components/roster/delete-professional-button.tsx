import type { Route } from "next";
import { ConfirmedActionButton } from "@/components/forms/confirmed-action-button";

/** What the roster says once a record is deleted, reached with `?suppression=…`. */
export const PROFESSIONAL_DELETED = "La fiche a été supprimée du registre : elle n'entre plus dans les indicateurs.";

/** « Supprimer cette fiche », for a record created by mistake; confirmed, then back to the roster. */
export function DeleteProfessionalButton({
  establishmentId,
  professionalId,
  version,
  name,
}: {
  establishmentId: string;
  professionalId: string;
  version: number;
  name: string;
}) {
  return (
    <ConfirmedActionButton
      url={`/api/establishments/${establishmentId}/roster/professionals/${professionalId}`}
      body={{ expectedVersion: version }}
      question={`Supprimer la fiche de ${name} ? La suppression est réservée à une fiche créée par erreur (doublon, import dans le mauvais établissement) : elle disparaît du registre et des indicateurs. Pour une personne qui a quitté l'établissement, enregistrez plutôt une fin d'activité.`}
      done="suppression"
      returnTo={`/etablissements/${establishmentId}/professionnels` as Route}
    >
      Supprimer cette fiche
    </ConfirmedActionButton>
  );
}
