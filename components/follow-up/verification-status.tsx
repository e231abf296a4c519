import { fr } from "@codegouvfr/react-dsfr";
import { Fragment } from "react";
import { Badge, OverdueBadge } from "@/components/dsfr/badge";
import { CallOut } from "@codegouvfr/react-dsfr/CallOut";
import { FileLinks } from "@/components/dossier/file-links";
import { DataTable } from "@/components/dsfr/data-table";
import type { VerificationView } from "@/lib/follow-up/get-verification";
import { TIER_LABELS, tierHolding, VERIFICATION_ACTION_LABELS, VERIFICATION_STATE_LABELS } from "@/lib/follow-up/verification-machine";
import { formatParisDateTime } from "@/lib/time/paris";

type Verification = NonNullable<VerificationView["verification"]>;

const STATE_SEVERITY = { VALIDATED: "success", REFUSED: "error", INFORMATION_REQUESTED: "warning" } as const;

/** Where the verification of the declared results stands, the request waiting for the establishment, and its history. */
export function VerificationStatus({
  verification,
  objectives,
}: {
  verification: Verification;
  objectives: ReadonlyArray<{ code: string; title: string }>;
}) {
  const tier = tierHolding(verification.state);
  const severity = STATE_SEVERITY[verification.state as keyof typeof STATE_SEVERITY];
  return (
    <>
      <p>
        État :{" "}
        <Badge severity={severity ?? "info"} noIcon>
          {VERIFICATION_STATE_LABELS[verification.state]}
        </Badge>
        {tier ? (
          <>
            {" "}
            – à traiter par l&apos;{TIER_LABELS[tier]} au plus tard le {formatParisDateTime(verification.dueAt)} (heure de Paris)
            <OverdueBadge overdue={verification.overdue} />
          </>
        ) : null}
      </p>
      {verification.request ? (
        <CallOut title={`Complément demandé par l'${TIER_LABELS[verification.request.tier]}`} className={fr.cx("fr-mb-3w")}>
          <Lines text={verification.request.message} />
          <br />
          Réponse attendue au plus tard le {formatParisDateTime(verification.dueAt)} (heure de Paris)
          {verification.overdue ? " : le délai est dépassé." : "."}
        </CallOut>
      ) : null}
      <h3 className={fr.cx("fr-h6")}>Historique de la vérification</h3>
      <ol>
        {verification.steps.map((step) => (
          <li key={step.id} className={fr.cx("fr-mb-2w")}>
            <strong>{formatParisDateTime(step.at)}</strong> – {VERIFICATION_ACTION_LABELS[step.action]}
            {step.action === "DECLARE" || step.action === "ANSWER"
              ? ` (transmis à l'${TIER_LABELS[step.tier]})`
              : ` par l'${TIER_LABELS[step.tier]}`}
            {step.message ? (
              <>
                <br />« <Lines text={step.message} /> »
              </>
            ) : null}
            {step.responseDueAt ? (
              <>
                <br />
                Réponse attendue avant le {formatParisDateTime(step.responseDueAt)} (heure de Paris).
              </>
            ) : null}
            <FileLinks files={step.attachments} />
            {step.verdicts.length > 0 ? (
              <DataTable caption={`Décision de l'${TIER_LABELS[step.tier]} par objectif, le ${formatParisDateTime(step.at)}`} small>
                <thead>
                  <tr>
                    <th scope="col">Objectif</th>
                    <th scope="col">Décision</th>
                    <th scope="col">Motif</th>
                  </tr>
                </thead>
                <tbody>
                  {step.verdicts.map((verdict) => (
                    <tr key={verdict.objectiveCode}>
                      <th scope="row">
                        {verdict.objectiveCode} – {objectives.find((objective) => objective.code === verdict.objectiveCode)?.title ?? ""}
                      </th>
                      <td>{verdict.approved ? "Approuvé" : "Refusé"}</td>
                      <td>{verdict.reason || "—"}</td>
                    </tr>
                  ))}
                </tbody>
              </DataTable>
            ) : null}
          </li>
        ))}
      </ol>
    </>
  );
}

/** A message as typed, its line breaks kept. */
function Lines({ text }: { text: string }) {
  return text.split("\n").map((line, index) => (
    <Fragment key={index}>
      {index > 0 ? <br /> : null}
      {line}
    </Fragment>
  ));
}
