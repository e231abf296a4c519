import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { whatComesNext } from "@/lib/applications/what-comes-next";
import { canAccessEstablishment } from "@/lib/access/policy";
import { Badge } from "@/components/dsfr/badge";
import type { Metadata } from "next";
import Link from "next/link";
import { emptyRosterBeforeSubmission } from "@/lib/roster/compliance-view";
import { FileLinks } from "@/components/dossier/file-links";
import { MessageForm } from "@/components/dossier/message-form";
import { ReceiptPending } from "@/components/dossier/receipt-pending";
import { ReleasedDecisionAlert } from "@/components/decisions/released-decision-alert";
import { DossierIndicatorsSection } from "@/components/roster/dossier-indicators";
import { ReviewFollowUp } from "@/components/review/review-follow-up";
import { getDossierReviewFollowUp } from "@/lib/review/get-dossier-review-follow-up";
import { SubmitButton } from "@/components/dossier/submit-button";
import { TransitionPanel } from "@/components/dossier/transition-panel";
import { UPLOAD_LIMITS } from "@/lib/config/upload-limits";
import { getDossier } from "@/lib/applications/get-dossier";
import { getDossierIndicators } from "@/lib/roster/get-dossier-indicators";
import { dossierTitle, SECTION_LABELS } from "@/lib/applications/labels";
import { FORM_SECTION_ORDER } from "@/lib/applications/dossier-content";
import { SECTION_SLUGS } from "@/lib/applications/section-slugs";
import { STATE_LABELS } from "@/lib/applications/state-machine";
import { guardedPageLoad } from "@/lib/http/page-guard";
import { formatParisDateTime } from "@/lib/time/paris";
import { isPastClosing } from "@/lib/campaigns/deadline";
import { pageParams, RouteParam } from "@/lib/http/route-params";
import { Breadcrumb } from "@/components/dsfr/breadcrumb";
import { establishmentSegments } from "@/components/establishments/establishment-segments";
import { nameWithSide } from "@/lib/identity/staff-role-labels";

const PARAMS = { applicationId: RouteParam.id };
type Props = { params: Promise<{ applicationId: string }> };

const loadDossierPage = guardedPageLoad(
  (applicationId: string) => `/dossiers/${applicationId}`,
  (viewer, applicationId) =>
    Promise.all([
      getDossier(viewer, applicationId),
      getDossierIndicators(viewer, applicationId),
      getDossierReviewFollowUp(viewer, applicationId),
    ]),
);

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { applicationId } = await pageParams(params, PARAMS);
  const [dossier] = (await loadDossierPage(applicationId)).record;
  return { title: `${dossierTitle(dossier.content.projectTitle)} – ${dossier.establishment.name}` };
}

export default async function DossierPage({ params }: Props) {
  const { applicationId } = await pageParams(params, PARAMS);
  const {
    viewer,
    record: [dossier, figures, reviewFollowUp],
  } = await loadDossierPage(applicationId);
  const now = new Date();
  const pastDeadline = isPastClosing(now, dossier.closesAt);
  // Said while the figures are live, not required: they freeze at submission (`emptyRosterBeforeSubmission`).
  const emptyRoster = figures.draft ? emptyRosterBeforeSubmission(figures.indicators.overall) : null;
  const sectionInfo = new Map(dossier.sections.map((section) => [section.section, section]));

  return (
    <>
      <Breadcrumb segments={establishmentSegments(viewer, dossier.establishment)} current={dossierTitle(dossier.content.projectTitle)} />
      <h1>
        {dossierTitle(dossier.content.projectTitle)}{" "}
        <Badge severity={dossier.state === "SELECTED" ? "success" : dossier.state === "REJECTED" ? "error" : "info"} noIcon>
          {STATE_LABELS[dossier.state]}
        </Badge>
      </h1>
      <p>
        {dossier.wave.title} – référence du dossier : <strong>{dossier.reference}</strong>
      </p>

      {dossier.state === "DRAFT" ? (
        <p>
          Date limite de dépôt : <strong>{formatParisDateTime(dossier.closesAt)}</strong> (heure de Paris)
          {dossier.extended ? " – prolongation accordée à l'établissement" : ""}.
        </p>
      ) : null}
      {dossier.state === "INFORMATION_REQUESTED" && dossier.responseDueAt ? (
        // Who answers is asked to; the programme's staff, who asked, are told when the answer is due.
        canAccessEstablishment(viewer, dossier.establishment.id, "edit") ? (
          <Alert
            as="h2"
            severity="warning"
            title="Un complément vous est demandé"
            description={`Répondez avant le ${formatParisDateTime(dossier.responseDueAt)} (heure de Paris), depuis les actions ci-dessous.`}
            className={fr.cx("fr-mb-3w")}
          />
        ) : (
          <Alert
            as="h2"
            severity="info"
            title="Complément demandé à l'établissement"
            description={`Réponse attendue avant le ${formatParisDateTime(dossier.responseDueAt)} (heure de Paris).`}
            className={fr.cx("fr-mb-3w")}
          />
        )
      ) : null}
      {dossier.submission ? (
        <Alert
          as="h2"
          severity="success"
          title="Dossier déposé"
          description={
            <>
              Reçu le {formatParisDateTime(dossier.submission.receivedAt)} (heure de Paris). Empreinte du contenu (SHA-256) :{" "}
              <code>{dossier.submission.contentHash}</code>.{" "}
              {dossier.submission.receiptReady ? (
                <a href={`/api/applications/${applicationId}/receipt`}>Télécharger l&apos;accusé de réception (PDF)</a>
              ) : (
                <ReceiptPending />
              )}
            </>
          }
          className={fr.cx("fr-mb-3w")}
        />
      ) : null}
      {/* For the establishment: the programme's staff know what comes next. */}
      {dossier.submission && !dossier.decision && canAccessEstablishment(viewer, dossier.establishment.id, "edit") ? (
        <section className={fr.cx("fr-mb-3w")} aria-labelledby="et-ensuite">
          <h2 id="et-ensuite" className={fr.cx("fr-h6", "fr-mb-1w")}>
            Et ensuite ?
          </h2>
          <p>{whatComesNext({ reviewTiers: dossier.wave.reviewTiers, state: dossier.state, decided: false })}</p>
        </section>
      ) : null}
      {dossier.decision ? <ReleasedDecisionAlert applicationId={applicationId} decision={dossier.decision} /> : null}
      {dossier.state === "SELECTED" ? (
        <p>
          <Link href={`/dossiers/${applicationId}/suivi`}>Suivi après sélection : cibles, déclaration des résultats et versements</Link>
        </p>
      ) : null}
      {reviewFollowUp && dossier.state === "SCORED" ? (
        <p>
          <Link href={`/pilotage/vagues/${reviewFollowUp.waveId}/decisions/${applicationId}`}>Proposer une décision pour ce dossier</Link>{" "}
          (publiée avec les décisions de la vague)
        </p>
      ) : null}

      <div className={fr.cx("fr-grid-row", "fr-grid-row--gutters")}>
        <div className={fr.cx("fr-col-12", "fr-col-md-7")}>
          <h2 className={fr.cx("fr-h4")}>Sections du dossier</h2>
          <ol>
            {FORM_SECTION_ORDER.map((section) => {
              const info = sectionInfo.get(section);
              return (
                <li key={section}>
                  <Link href={`/dossiers/${applicationId}/${SECTION_SLUGS[section]}`}>{SECTION_LABELS[section]}</Link>
                  {info && info.version > 0 ? (
                    <span className={fr.cx("fr-text--sm")}>
                      {" "}
                      – enregistrée le {formatParisDateTime(info.updatedAt)}
                      {info.updatedBy ? ` par ${info.updatedBy.displayName}` : ""}
                    </span>
                  ) : null}
                </li>
              );
            })}
          </ol>
          {dossier.files.length > 0 ? (
            <>
              <h2 className={fr.cx("fr-h4")}>Pièces justificatives</h2>
              <FileLinks files={dossier.files} />
            </>
          ) : null}
        </div>
        <div className={fr.cx("fr-col-12", "fr-col-md-5")}>
          {dossier.can.submit ? (
            <section aria-labelledby="depot-titre">
              <h2 id="depot-titre" className={fr.cx("fr-h4")}>
                Dépôt
              </h2>
              {emptyRoster ? (
                <p>
                  {emptyRoster} <Link href={`/etablissements/${figures.establishmentId}/professionnels`}>Registre des professionnels</Link>
                </p>
              ) : null}
              {pastDeadline ? (
                // Said first: what is missing no longer matters once the dossier cannot be deposited.
                <p>La date limite de dépôt est passée : le dossier ne peut plus être déposé.</p>
              ) : dossier.missing.length > 0 ? (
                <>
                  <p>Avant de déposer, complétez :</p>
                  <ul data-testid="missing-items">
                    {dossier.missing.map((item) => (
                      <li key={`${item.anchor}-${item.message}`}>
                        <Link href={`/dossiers/${applicationId}/${SECTION_SLUGS[item.section]}#${item.anchor}`}>{item.message}</Link>
                      </li>
                    ))}
                  </ul>
                </>
              ) : (
                <p>Le dossier est complet : vous pouvez le déposer.</p>
              )}
              <SubmitButton applicationId={applicationId} disabled={dossier.missing.length > 0 || pastDeadline} />
            </section>
          ) : null}
          <TransitionPanel
            applicationId={applicationId}
            version={dossier.version}
            actions={dossier.actions}
            answerFileLimits={{ maxFiles: UPLOAD_LIMITS.messageFiles, maxBytes: UPLOAD_LIMITS.attachmentBytes }}
          />
        </div>
      </div>

      <DossierIndicatorsSection figures={figures} headingAs="h2" />

      {reviewFollowUp ? <ReviewFollowUp followUp={reviewFollowUp} /> : null}

      <section className={fr.cx("fr-mt-6w")} aria-labelledby="historique-titre">
        <h2 id="historique-titre" className={fr.cx("fr-h4")}>
          Historique
        </h2>
        {dossier.history.length === 0 ? (
          <p>Brouillon, pas encore déposé.</p>
        ) : (
          <ol>
            {dossier.history.map((step) => (
              <li key={step.id}>
                {formatParisDateTime(step.at)} : {STATE_LABELS[step.fromState]} → <strong>{STATE_LABELS[step.toState]}</strong>
                {step.actor ? ` (${step.actor})` : ""}
                {step.comment ? <> – « {step.comment} »</> : null}
              </li>
            ))}
          </ol>
        )}
      </section>

      <section className={fr.cx("fr-mt-6w")} aria-labelledby="messages-titre">
        <h2 id="messages-titre" className={fr.cx("fr-h4")}>
          Messages
        </h2>
        {dossier.messages.length === 0 ? <p>Aucun message.</p> : null}
        {dossier.messages.map((message) => (
          <article key={message.id} className={fr.cx("fr-mb-3w")}>
            <p className={fr.cx("fr-text--sm", "fr-mb-1v")}>
              <strong>{message.author ? nameWithSide(message.author.displayName, message.author.staffRole) : "Compte supprimé"}</strong>, le{" "}
              {formatParisDateTime(message.createdAt)}
            </p>
            <p style={{ whiteSpace: "pre-line" }}>{message.body}</p>
            <FileLinks files={message.attachments} />
          </article>
        ))}
        {dossier.can.message ? (
          <MessageForm
            applicationId={applicationId}
            limits={{ maxFiles: UPLOAD_LIMITS.messageFiles, maxBytes: UPLOAD_LIMITS.attachmentBytes }}
          />
        ) : null}
      </section>
    </>
  );
}
