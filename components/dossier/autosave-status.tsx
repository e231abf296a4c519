"use client";

import { fr } from "@codegouvfr/react-dsfr";
import { DataTable } from "@/components/dsfr/data-table";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { formatParisDateTime, formatParisTime } from "@/lib/time/paris";
import { differences, type FieldReader } from "./differences";
import type { SaveState } from "./use-autosave";

/** What a merge with a save made elsewhere did: joined both sides' changes, or, with none on this page, showed the newer version. */
function mergeNotice(editedBy: "others" | "self", mergedWith: { at: string; by: string | null; own: boolean }): string {
  const at = formatParisDateTime(new Date(mergedWith.at));
  const by = mergedWith.by ?? "Une autre personne";
  if (editedBy === "self")
    return mergedWith.own
      ? `D'autres champs ont été modifiés dans un autre onglet ou sur un autre appareil le ${at} : ces modifications et celles-ci ont été réunies.`
      : `Votre évaluation a été modifiée dans un autre onglet ou sur un autre appareil le ${at} : la version à jour est affichée.`;
  return mergedWith.own
    ? `${by} a modifié d'autres champs de cette section le ${at} : ses modifications et les vôtres ont été réunies.`
    : `${by} a modifié cette section le ${at} : la version à jour est affichée.`;
}

/**
 * Where the section stands: announced to screen readers without moving the focus, by this live
 * region only: its DSFR alerts take no role of their own (role alert inside aria-live is said twice).
 */
export function AutosaveStatus({
  state,
  mergedWith,
  onRetry,
  onTakeTheirs,
  onKeepMine,
  readField,
  titleAs = "h3",
  editedBy = "others",
}: {
  /**
   * Who else may save the same form: other people (a dossier's section, shared by its members), or
   * only the viewer, in another tab or on another device (a reviewer's own score sheet).
   */
  editedBy?: "others" | "self";
  /** Names the fields of a conflict in the form's words. */
  readField: FieldReader;
  /** The level of its alerts' titles: h2 right under a page's h1 (a dossier's section), h3 within a section. */
  titleAs?: "h2" | "h3";
  state: SaveState;
  mergedWith: { at: string; by: string | null; own: boolean } | null;
  onRetry: () => void;
  onTakeTheirs: () => void;
  onKeepMine: () => void;
}) {
  return (
    <div aria-live="polite" className={fr.cx("fr-mb-3w")} data-testid="autosave-status">
      {state.kind === "saving" ? <p className={fr.cx("fr-text--sm", "fr-mb-0")}>Enregistrement…</p> : null}
      {state.kind === "dirty" ? <p className={fr.cx("fr-text--sm", "fr-mb-0")}>Modifications en cours…</p> : null}
      {mergedWith ? (
        <Alert role={undefined} severity="info" small className={fr.cx("fr-mb-1w")} description={mergeNotice(editedBy, mergedWith)} />
      ) : null}
      {state.kind === "saved" ? (
        <p className={fr.cx("fr-text--sm", "fr-mb-0", "fr-icon-check-line")}> Enregistré à {formatParisTime(new Date(state.at))}</p>
      ) : null}
      {state.kind === "unchanged" ? (
        <p className={fr.cx("fr-text--sm", "fr-mb-0", "fr-icon-check-line")}>
          {" "}
          Rien de nouveau à enregistrer : tout est enregistré{state.at ? ` (à ${formatParisTime(new Date(state.at))})` : ""}.
        </p>
      ) : null}
      {state.kind === "invalid" ? (
        <Alert
          role={undefined}
          severity="warning"
          small
          description={`${state.message} Corrigez les champs signalés : vos saisies sont conservées sur cet appareil.`}
        />
      ) : null}
      {state.kind === "failed" ? (
        <Alert
          role={undefined}
          as={titleAs}
          severity="error"
          title="L'enregistrement a échoué"
          description={
            <>
              {state.message} Vos saisies sont conservées sur cet appareil.
              {state.retry ? (
                <>
                  {" "}
                  <Button size="small" priority="secondary" onClick={onRetry}>
                    Réessayer
                  </Button>
                </>
              ) : null}
            </>
          }
        />
      ) : null}
      {state.kind === "session-expired" ? (
        <Alert
          role={undefined}
          as={titleAs}
          severity="warning"
          title="Votre session a expiré"
          description={
            <>
              Vos saisies sont conservées sur cet appareil.{" "}
              <a href="/connexion" target="_blank" rel="noopener">
                Reconnectez-vous dans un nouvel onglet
              </a>
              , puis revenez ici et{" "}
              <Button size="small" priority="secondary" onClick={onRetry}>
                réessayez l&apos;enregistrement
              </Button>
            </>
          }
        />
      ) : null}
      {state.kind === "conflict" ? (
        <Alert
          role={undefined}
          as={titleAs}
          severity="warning"
          title={
            editedBy === "self" ? "Votre évaluation a été enregistrée ailleurs entre-temps" : "Cette section a été modifiée entre-temps"
          }
          description={
            <>
              <p>
                {editedBy === "self"
                  ? "Vous l'avez enregistrée dans un autre onglet ou sur un autre appareil"
                  : `${state.theirs.updatedBy ?? "Une autre personne"} l'a enregistrée`}{" "}
                le {formatParisDateTime(new Date(state.theirs.updatedAt))}. Vos autres modifications sont conservées ; pour les champs
                modifiés des deux côtés, choisissez la version à garder :
              </p>
              <DataTable caption="Différences entre votre version et la version enregistrée" hideCaption small>
                <thead>
                  <tr>
                    <th scope="col">Champ</th>
                    <th scope="col">Votre version</th>
                    <th scope="col">Version enregistrée</th>
                  </tr>
                </thead>
                <tbody>
                  {differences(state.mine, state.theirs.values, readField)
                    .filter((row) => state.overlaps.some((path) => row.path === path || row.path.startsWith(`${path}.`)))
                    .map((row) => (
                      <tr key={row.path}>
                        <td>{row.field}</td>
                        <td>{row.mine || "(vide)"}</td>
                        <td>{row.theirs || "(vide)"}</td>
                      </tr>
                    ))}
                </tbody>
              </DataTable>
              <Button size="small" onClick={onKeepMine}>
                Garder ma version
              </Button>{" "}
              <Button size="small" priority="secondary" onClick={onTakeTheirs}>
                Garder la version enregistrée
              </Button>
            </>
          }
        />
      ) : null}
    </div>
  );
}
