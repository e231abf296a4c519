import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { SUBMITTED_NOTICE_ID } from "@/lib/review/score-sheet-labels";
import { ReviewDeadlineBadge } from "@/components/review/review-deadline-badge";
import type { Metadata } from "next";
import { DeclarationForm } from "@/components/review/declaration-form";
import { ArrivalNotice } from "@/components/forms/focus-on-arrival";
import { QuietAlert } from "@/components/forms/quiet-alert";
import { DossierReadView } from "@/components/review/dossier-read-view";
import { ReviewsTable } from "@/components/review/reviews-table";
import { ScoreSheetForm, type SheetCriterionView } from "@/components/review/score-sheet-form";
import panes from "@/components/review/score-sheet-panes.module.css";
import { objectiveAnchor } from "@/lib/applications/anchors";
import { ASSESSMENT_STATUS_LABELS } from "@/lib/applications/labels";
import { guardedPageLoad } from "@/lib/http/page-guard";
import { getReviewWorkspace } from "@/lib/review/get-review-workspace";
import { AWAITING_REGIONAL_TIER, TIER_ADJECTIVES, TIER_LABELS } from "@/lib/review/labels";
import { reviewFrozenReason } from "@/lib/review/review-states";
import { formatParisDateTime } from "@/lib/time/paris";
import { pageParams, RouteParam } from "@/lib/http/route-params";
import { Breadcrumb, crumb } from "@/components/dsfr/breadcrumb";

const PARAMS = { assignmentId: RouteParam.id };
type Props = { params: Promise<{ assignmentId: string }>; searchParams: Promise<{ declaration?: string }> };

const loadWorkspace = guardedPageLoad((assignmentId: string) => `/instruction/${assignmentId}`, getReviewWorkspace);

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { assignmentId } = await pageParams(params, PARAMS);
  const workspace = (await loadWorkspace(assignmentId)).record;
  return { title: `${workspace.establishment.name} – Instruction` };
}

/**
 * The reviewer's workspace for one assignment: the declaration of interests first; then the whole
 * dossier on the left (read-only) and the score sheet on the right, each scrolling on its own at
 * 1280 px, both reachable from the keyboard (skip links, anchors, native fields).
 */
export default async function ReviewWorkspacePage({ params, searchParams }: Props) {
  const { assignmentId } = await pageParams(params, PARAMS);
  const { record: workspace } = await loadWorkspace(assignmentId);
  const { establishment } = workspace;

  const header = (
    <>
      <Breadcrumb segments={[crumb("Dossiers à instruire", "/instruction")]} current={establishment.name} />
      <h1 className={fr.cx("fr-h2")}>{establishment.name}</h1>
      <p>
        {workspace.wave} – {TIER_LABELS[workspace.tier]}. FINESS {establishment.finessEt} (entité juridique {establishment.finessEj}) –{" "}
        {establishment.category} – {establishment.city}, région {establishment.region}.
        <br />
        {workspace.expected ? (
          <>
            Évaluation attendue{" "}
            {workspace.dueAt ? <>avant le {formatParisDateTime(workspace.dueAt)} (heure de Paris)</> : "à une date non encore fixée"}
            <ReviewDeadlineBadge deadline={workspace.deadline} />.
          </>
        ) : workspace.submitted ? (
          "Évaluation transmise."
        ) : (
          "Évaluation plus attendue : l'instruction de ce dossier est close."
        )}
      </p>
    </>
  );

  if (workspace.stage === "declaration") {
    return (
      <>
        {header}
        <section aria-labelledby="declaration-titre" className={fr.cx("fr-col-12", "fr-col-md-8")}>
          <h2 id="declaration-titre" className={fr.cx("fr-h4")}>
            Déclaration d&apos;intérêts
          </h2>
          {workspace.declarationClosed ? (
            <p>{workspace.declarationClosed}</p>
          ) : (
            <>
              <p>
                Avant de lire le dossier, déclarez vos liens éventuels avec cet établissement, son entité juridique ou ses partenaires
                technologiques.
              </p>
              <DeclarationForm assignmentId={workspace.assignmentId} labelledBy="declaration-titre" />
            </>
          )}
        </section>
      </>
    );
  }

  const { dossier, review, others } = workspace;
  const objectives = new Map(dossier.objectives.map((objective) => [objective.id, objective]));
  const criteria: SheetCriterionView[] = workspace.criteria.map((criterion) => ({
    ...criterion,
    objectives: criterion.objectiveIds.flatMap((id) => {
      const objective = objectives.get(id);
      if (!objective) return [];
      const status = dossier.content.assessments[id]?.status;
      return [
        {
          anchor: objectiveAnchor(objective.code),
          code: objective.code,
          title: objective.title,
          status: status ? ASSESSMENT_STATUS_LABELS[status] : "non renseignée",
        },
      ];
    }),
  }));

  return (
    <>
      <a className={fr.cx("fr-link", "fr-mb-1w")} href="#grille">
        Aller à la grille d&apos;évaluation
      </a>
      {header}
      {(await searchParams).declaration === "1" ? (
        <ArrivalNotice message="Déclaration enregistrée : aucun lien d'intérêts. Le dossier et la grille d'évaluation sont ouverts ci-dessous." />
      ) : null}
      {review.status === "SUBMITTED" ? (
        <div id={SUBMITTED_NOTICE_ID} tabIndex={-1}>
          <QuietAlert
            severity="success"
            small
            className={fr.cx("fr-mb-2w")}
            description={`Évaluation transmise le ${formatParisDateTime(review.submittedAt!)} (heure de Paris) : elle n'est plus modifiable, sauf si un chargé de programme la rouvre.`}
          />
        </div>
      ) : review.reopenedAt ? (
        <Alert
          severity="info"
          small
          className={fr.cx("fr-mb-2w")}
          description={
            <>
              Évaluation rouverte le {formatParisDateTime(review.reopenedAt)} par un chargé de programme : modifiez-la puis transmettez-la
              de nouveau.
              {review.reopenReason ? (
                <>
                  <br />
                  <span style={{ whiteSpace: "pre-line" }}>Motif : « {review.reopenReason} »</span>
                </>
              ) : null}
            </>
          }
        />
      ) : null}
      {workspace.editable && workspace.awaitingEarlierTier ? (
        <Alert severity="info" small className={fr.cx("fr-mb-2w")} description={AWAITING_REGIONAL_TIER} />
      ) : null}
      {!workspace.editable && review.status === "DRAFT" ? (
        <Alert severity="info" small className={fr.cx("fr-mb-2w")} description={reviewFrozenReason(dossier.state)} />
      ) : null}
      <div className={fr.cx("fr-grid-row", "fr-grid-row--gutters")}>
        <section className={`${fr.cx("fr-col-12", "fr-col-lg-7")} ${panes.pane}`} aria-labelledby="dossier-titre" tabIndex={0}>
          <h2 id="dossier-titre" className={fr.cx("fr-h4")}>
            Dossier
          </h2>
          <DossierReadView dossier={dossier} figures={workspace.figures} />
        </section>
        <section className={`${fr.cx("fr-col-12", "fr-col-lg-5")} ${panes.pane}`} aria-labelledby="grille" tabIndex={0}>
          <h2 id="grille" className={fr.cx("fr-h4")}>
            Grille d&apos;évaluation
          </h2>
          <ScoreSheetForm
            assignmentId={workspace.assignmentId}
            criteria={criteria}
            initialValues={review.values}
            version={review.version}
            editable={workspace.editable}
          />
          {others.tiers.map((tier) => (
            <section key={tier} className={fr.cx("fr-mt-4w")} aria-labelledby={`evaluations-${tier}`}>
              <h3 id={`evaluations-${tier}`} className={fr.cx("fr-h5")}>
                {tier === workspace.tier ? "Les autres évaluations" : `Évaluations du niveau ${TIER_ADJECTIVES[tier]}`}
              </h3>
              <ReviewsTable reviews={others.reviews} spread={others.spread} criteria={workspace.criteria} tier={tier} />
            </section>
          ))}
          {review.status === "DRAFT" && !others.tiers.includes(workspace.tier) ? (
            <p className={fr.cx("fr-text--sm", "fr-mt-2w")}>
              Les évaluations des autres instructeurs de ce niveau vous seront visibles une fois la vôtre transmise.
            </p>
          ) : null}
        </section>
      </div>
      <section aria-labelledby="conflit-titre" className={fr.cx("fr-mt-4w", "fr-col-12", "fr-col-md-8")}>
        <h2 id="conflit-titre" className={fr.cx("fr-h5")}>
          Un lien d&apos;intérêts découvert en lisant le dossier ?
        </h2>
        {workspace.declarationClosed === null ? (
          <>
            <p>
              Vous avez déclaré n&apos;avoir aucun lien d&apos;intérêts avec ce dossier. Si vous en découvrez un (un partenaire, une
              ancienne fonction…), déclarez-le : votre attribution prendra fin et votre évaluation ne sera pas transmise.
            </p>
            <details>
              <summary>Déclarer un lien d&apos;intérêts</summary>
              <DeclarationForm assignmentId={workspace.assignmentId} labelledBy="conflit-titre" later />
            </details>
          </>
        ) : (
          <p>{workspace.declarationClosed}</p>
        )}
      </section>
    </>
  );
}
