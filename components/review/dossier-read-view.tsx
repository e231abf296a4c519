import { fr } from "@codegouvfr/react-dsfr";
import { Badge } from "@/components/dsfr/badge";
import { DataTable } from "@/components/dsfr/data-table";
import { FileLinks } from "@/components/dossier/file-links";
import { DossierIndicatorsSection } from "@/components/roster/dossier-indicators";
import { objectiveAnchor, sectionAnchor } from "@/lib/applications/anchors";
import { formatEuros } from "@/lib/format/numbers";
import type { Dossier } from "@/lib/applications/get-dossier";
import {
  ASSESSMENT_STATUS_LABELS,
  BUDGET_CATEGORY_LABELS,
  PARTNER_ROLE_LABELS,
  POPULATION_LABELS,
  SECTION_LABELS,
} from "@/lib/applications/labels";
import { STATE_LABELS } from "@/lib/applications/state-machine";
import { MIE_CATALOGUE } from "@/lib/mie/catalogue";
import type { DossierIndicators } from "@/lib/roster/get-dossier-indicators";
import { formatCalendarDate, formatParisDateTime } from "@/lib/time/paris";

const Text = ({ value }: { value: string }) =>
  value ? <p style={{ whiteSpace: "pre-line" }}>{value}</p> : <p className={fr.cx("fr-text--sm")}>Non renseigné.</p>;

/**
 * A dossier as submitted, read-only, every section in order: what a reviewer judges. Headings are
 * h3 under the workspace's « Dossier » h2; each objective of the self-assessment has an anchor the
 * score sheet links to.
 */
export function DossierReadView({ dossier, figures }: { dossier: Dossier; figures: DossierIndicators }) {
  const { content } = dossier;
  const total = content.budgetLines.reduce((sum, line) => sum + line.amountCents, 0n);
  const filesOf = (objectiveId: string) => dossier.files.filter((file) => file.objectiveId === objectiveId);
  return (
    <>
      <section aria-labelledby={sectionAnchor("PROJECT")}>
        <h3 id={sectionAnchor("PROJECT")} className={fr.cx("fr-h5")}>
          {SECTION_LABELS.PROJECT}
        </h3>
        <p>
          <strong>{content.projectTitle || "Sans titre"}</strong>
        </p>
        <Text value={content.projectSummary} />
      </section>

      {/* Not a named region: its table is one, named like the heading (axe landmark-unique). */}
      <section>
        <h3 id={sectionAnchor("PARTNERS")} className={fr.cx("fr-h5")}>
          {SECTION_LABELS.PARTNERS}
        </h3>
        {content.partners.length === 0 ? (
          <p>Aucun partenaire.</p>
        ) : (
          <DataTable caption="Partenaires technologiques" hideCaption small>
            <thead>
              <tr>
                <th scope="col">Partenaire</th>
                <th scope="col">SIRET</th>
                <th scope="col">Rôle</th>
                <th scope="col">Solution</th>
              </tr>
            </thead>
            <tbody>
              {content.partners.map((partner, index) => (
                <tr key={index}>
                  <td>{partner.name}</td>
                  <td>{partner.siret || "–"}</td>
                  <td>{PARTNER_ROLE_LABELS[partner.role]}</td>
                  <td>{partner.solution || "–"}</td>
                </tr>
              ))}
            </tbody>
          </DataTable>
        )}
      </section>

      <section aria-labelledby={sectionAnchor("MIE_STRATEGY")}>
        <h3 id={sectionAnchor("MIE_STRATEGY")} className={fr.cx("fr-h5")}>
          {SECTION_LABELS.MIE_STRATEGY}
        </h3>
        {content.mieStrategy.length === 0 ? (
          <p>Non renseignée.</p>
        ) : (
          <DataTable caption="MIE prévus par population" hideCaption small>
            <thead>
              <tr>
                <th scope="col">Population</th>
                <th scope="col">MIE</th>
                <th scope="col">Effectif</th>
                <th scope="col">Remarques</th>
              </tr>
            </thead>
            <tbody>
              {content.mieStrategy.map((line, index) => (
                <tr key={index}>
                  <td>{POPULATION_LABELS[line.population]}</td>
                  <td>{line.mieTypes.map((type) => MIE_CATALOGUE[type].shortLabel).join(", ") || "–"}</td>
                  <td>{line.headcount ?? "–"}</td>
                  <td>{line.notes || "–"}</td>
                </tr>
              ))}
            </tbody>
          </DataTable>
        )}
      </section>

      <section aria-labelledby={sectionAnchor("IAM_SSO")}>
        <h3 id={sectionAnchor("IAM_SSO")} className={fr.cx("fr-h5")}>
          {SECTION_LABELS.IAM_SSO}
        </h3>
        <Text value={content.iamPlan} />
      </section>

      <section aria-labelledby={sectionAnchor("PSC_FEDERATION")}>
        <h3 id={sectionAnchor("PSC_FEDERATION")} className={fr.cx("fr-h5")}>
          {SECTION_LABELS.PSC_FEDERATION}
        </h3>
        <Text value={content.pscFederationPlan} />
      </section>

      <section aria-labelledby={sectionAnchor("TIMELINE")}>
        <h3 id={sectionAnchor("TIMELINE")} className={fr.cx("fr-h5")}>
          {SECTION_LABELS.TIMELINE}
        </h3>
        {content.milestones.length === 0 ? (
          <p>Aucun jalon.</p>
        ) : (
          <ul>
            {content.milestones.map((milestone, index) => (
              <li key={index}>
                {formatCalendarDate(milestone.dueDate)} : {milestone.label}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby={sectionAnchor("BUDGET")}>
        <h3 id={sectionAnchor("BUDGET")} className={fr.cx("fr-h5")}>
          {SECTION_LABELS.BUDGET}
        </h3>
        <DataTable caption="Budget demandé" hideCaption small>
          <thead>
            <tr>
              <th scope="col">Poste</th>
              <th scope="col">Catégorie</th>
              <th scope="col">Montant</th>
            </tr>
          </thead>
          <tbody>
            {content.budgetLines.map((line, index) => (
              <tr key={index}>
                <td>{line.label}</td>
                <td>{BUDGET_CATEGORY_LABELS[line.category]}</td>
                <td>{formatEuros(line.amountCents)}</td>
              </tr>
            ))}
            <tr>
              <th scope="row" colSpan={2}>
                Total demandé
              </th>
              <td>
                <strong>{formatEuros(total)}</strong>
              </td>
            </tr>
          </tbody>
        </DataTable>
      </section>

      <section aria-labelledby={sectionAnchor("SELF_ASSESSMENT")}>
        <h3 id={sectionAnchor("SELF_ASSESSMENT")} className={fr.cx("fr-h5")}>
          {SECTION_LABELS.SELF_ASSESSMENT}
        </h3>
        {dossier.objectives.map((objective) => {
          const assessment = content.assessments[objective.id];
          return (
            <article key={objective.id} id={objectiveAnchor(objective.code)} className={fr.cx("fr-mb-3w")} tabIndex={-1}>
              <h4 className={fr.cx("fr-text--md", "fr-mb-1v")}>
                {objective.code} – {objective.title}{" "}
                <Badge small noIcon severity={objective.required ? "new" : "info"}>
                  {objective.required ? "Obligatoire" : "Complémentaire"}
                </Badge>
              </h4>
              <p className={fr.cx("fr-mb-1v")}>
                Auto-évaluation : <strong>{assessment?.status ? ASSESSMENT_STATUS_LABELS[assessment.status] : "non renseignée"}</strong>
                {assessment?.targetDate ? ` – échéance visée : ${formatCalendarDate(assessment.targetDate)}` : ""}
              </p>
              {assessment?.explanation ? <p style={{ whiteSpace: "pre-line" }}>{assessment.explanation}</p> : null}
              {filesOf(objective.id).length > 0 ? (
                <>
                  <p className={fr.cx("fr-text--sm", "fr-mb-1v")}>Justificatifs :</p>
                  <FileLinks files={filesOf(objective.id)} />
                </>
              ) : (
                <p className={fr.cx("fr-text--sm")}>Aucun justificatif.</p>
              )}
            </article>
          );
        })}
      </section>

      <DossierIndicatorsSection figures={figures} headingAs="h3" />

      <section className={fr.cx("fr-mt-4w")} aria-labelledby="historique-titre">
        <h3 id="historique-titre" className={fr.cx("fr-h5")}>
          Historique
        </h3>
        <ol>
          {dossier.history.map((step) => (
            <li key={step.id}>
              {formatParisDateTime(step.at)} : {STATE_LABELS[step.fromState]} → <strong>{STATE_LABELS[step.toState]}</strong>
              {step.comment ? <> – « {step.comment} »</> : null}
            </li>
          ))}
        </ol>
      </section>

      <section className={fr.cx("fr-mt-4w")} aria-labelledby="messages-titre">
        <h3 id="messages-titre" className={fr.cx("fr-h5")}>
          Messages
        </h3>
        {dossier.messages.length === 0 ? <p>Aucun message.</p> : null}
        {dossier.messages.map((message) => (
          <article key={message.id} className={fr.cx("fr-mb-3w")}>
            <p className={fr.cx("fr-text--sm", "fr-mb-1v")}>
              <strong>{message.author?.displayName ?? "Compte supprimé"}</strong>
              {message.author?.staffRole ? " (ANS)" : ""}, le {formatParisDateTime(message.createdAt)}
            </p>
            <p style={{ whiteSpace: "pre-line" }}>{message.body}</p>
            <FileLinks files={message.attachments} />
          </article>
        ))}
      </section>
    </>
  );
}
