import { fr } from "@codegouvfr/react-dsfr";
import { Badge } from "@/components/dsfr/badge";
import { FileLinks } from "@/components/dossier/file-links";
import { DataTable } from "@/components/dsfr/data-table";
import type { LoadedDeclaration } from "@/lib/follow-up/load-declaration";
import { precheckLabel } from "@/lib/follow-up/targets";
import { INDICATOR_ROWS, formatShare } from "@/lib/roster/compliance-view";
import { formatParisDateTime } from "@/lib/time/paris";
import { TargetLine } from "./objective-targets";

/**
 * What was declared: when and by whom, the PDF and its fingerprint, the roster figures frozen then,
 * and each objective as declared with its evidence and the app's pre-check. For the follow-up page
 * and the verifiers' page alike.
 */
export function DeclarationDetails({
  applicationId,
  declaration,
  objectives,
}: {
  applicationId: string;
  declaration: LoadedDeclaration;
  objectives: ReadonlyArray<{ code: string; title: string }>;
}) {
  return (
    <>
      <p>
        Déclarés le {formatParisDateTime(declaration.declaredAt)} (heure de Paris)
        {declaration.declaredBy ? ` par ${declaration.declaredBy}` : ""}. Empreinte (SHA-256) : <code>{declaration.pdfHash}</code>.{" "}
        <a href={`/api/applications/${applicationId}/result-declaration`}>Télécharger la déclaration (PDF)</a>
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
        const title = objectives.find((candidate) => candidate.code === objective.objectiveCode)?.title ?? "";
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
            {objective.evidence.length > 0 ? (
              <>
                <p className={fr.cx("fr-mb-0")}>Pièces justificatives :</p>
                <FileLinks files={objective.evidence} />
              </>
            ) : (
              <p className={fr.cx("fr-text--sm")}>Aucune pièce justificative.</p>
            )}
          </article>
        );
      })}
    </>
  );
}
