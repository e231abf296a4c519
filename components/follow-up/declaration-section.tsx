import { fr } from "@codegouvfr/react-dsfr";
import { Badge } from "@codegouvfr/react-dsfr/Badge";
import { DataTable } from "@/components/dsfr/data-table";
import type { FollowUp } from "@/lib/follow-up/get-follow-up";
import { precheckLabel } from "@/lib/follow-up/targets";
import { INDICATOR_ROWS, formatShare } from "@/lib/roster/compliance-view";
import { formatParisDateTime } from "@/lib/time/paris";
import { DeclarationForm } from "./declaration-form";
import { TargetLine } from "./objective-targets";

/** The declaration of results: the form for the director, then what was declared and pre-checked, for everyone who reads the dossier. */
export function DeclarationSection({ followUp }: { followUp: FollowUp }) {
  const declaration = followUp.declaration;
  return (
    <section aria-labelledby="declaration-titre" className={fr.cx("fr-mb-6w")}>
      <h2 id="declaration-titre">Déclaration des résultats</h2>
      {declaration === null ? (
        followUp.canDeclare ? (
          <>
            <p>
              Déclarez pour chaque objectif s&apos;il est atteint. À l&apos;envoi, les indicateurs du registre sont figés et chaque objectif
              est pré-vérifié contre ses cibles ; la déclaration (PDF) est ensuite vérifiée par l&apos;ARS puis validée par l&apos;ANS.
            </p>
            <DeclarationForm applicationId={followUp.applicationId} objectives={followUp.objectives} />
          </>
        ) : (
          <p>L&apos;établissement n&apos;a pas encore déclaré ses résultats.</p>
        )
      ) : (
        <>
          <p>
            Déclarés le {formatParisDateTime(declaration.declaredAt)} (heure de Paris)
            {declaration.declaredBy ? ` par ${declaration.declaredBy}` : ""}. Empreinte (SHA-256) : <code>{declaration.pdfHash}</code>.{" "}
            <a href={`/api/applications/${followUp.applicationId}/result-declaration`} download>
              Télécharger la déclaration (PDF)
            </a>
          </p>
          <DataTable caption={`Indicateurs du registre figés le ${formatParisDateTime(declaration.frozenAt)}`} small>
            <thead>
              <tr>
                <th scope="col">Indicateur</th>
                <th scope="col">Chiffre figé</th>
              </tr>
            </thead>
            <tbody>
              {INDICATOR_ROWS.map((row) => (
                <tr key={row.key}>
                  <th scope="row">{row.label}</th>
                  <td>{formatShare(declaration.figures[row.key])}</td>
                </tr>
              ))}
            </tbody>
          </DataTable>
          {declaration.objectives.map((objective) => {
            const title = followUp.objectives.find((candidate) => candidate.code === objective.objectiveCode)?.title ?? "";
            return (
              <article key={objective.objectiveCode} aria-labelledby={`declare-${objective.objectiveCode}`} className={fr.cx("fr-mb-3w")}>
                <h3 id={`declare-${objective.objectiveCode}`} className={fr.cx("fr-h6")}>
                  {objective.objectiveCode} – {title}
                </h3>
                <p className={fr.cx("fr-mb-1w")}>
                  Déclaré : <strong>{objective.achieved ? "atteint" : "non atteint"}</strong> – « {objective.comment} »
                </p>
                <p className={fr.cx("fr-mb-1w")}>
                  Pré-vérification à partir des chiffres figés :{" "}
                  <Badge small noIcon severity={objective.precheckMet === null ? undefined : objective.precheckMet ? "success" : "warning"}>
                    {precheckLabel(objective.precheckMet)}
                  </Badge>
                </p>
                {objective.precheck.length > 0 ? (
                  <ul>
                    {objective.precheck.map((check) => (
                      <li key={check.indicator}>
                        <TargetLine target={check} />
                      </li>
                    ))}
                  </ul>
                ) : null}
              </article>
            );
          })}
        </>
      )}
    </section>
  );
}
