import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { formatEuros } from "@/lib/format/numbers";
import type { ReleasedDecision } from "@/lib/decisions/released-decision";
import { formatParisDateTime } from "@/lib/time/paris";

const TITLES = { SELECTED: "Dossier retenu", REJECTED: "Dossier non retenu", WAITLISTED: "Dossier sur liste d'attente" } as const;

/** The released decision on the dossier's page, with its letter. */
export function ReleasedDecisionAlert({ applicationId, decision }: { applicationId: string; decision: ReleasedDecision }) {
  return (
    <Alert
      as="h2"
      severity={decision.outcome === "SELECTED" ? "success" : decision.outcome === "WAITLISTED" ? "warning" : "info"}
      title={TITLES[decision.outcome]}
      description={
        <>
          {decision.releasedAt ? <>Décision publiée le {formatParisDateTime(decision.releasedAt)} (heure de Paris). </> : null}
          {decision.amountGrantedCents !== null ? <>Montant accordé : {formatEuros(decision.amountGrantedCents)}. </> : null}
          {decision.conditions ? <>Conditions : {decision.conditions} </> : null}
          {decision.reasons ? <>Motifs : {decision.reasons} </> : null}
          {decision.letterKey ? (
            <a href={`/api/applications/${applicationId}/decision-letter`}>Télécharger la lettre de décision (PDF)</a>
          ) : null}
        </>
      }
      className={fr.cx("fr-mb-3w")}
    />
  );
}
