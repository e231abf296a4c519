import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Badge } from "@/components/dsfr/badge";
import type { Metadata } from "next";
import Link from "next/link";
import { EnvelopeGauge } from "@/components/decisions/envelope-gauge";
import { ProposalForm } from "@/components/decisions/proposal-form";
import { PROPOSAL_WITHDRAWN, WithdrawProposalButton } from "@/components/decisions/withdraw-proposal-button";
import { ArrivalNotice } from "@/components/forms/focus-on-arrival";
import { ReviewFollowUp } from "@/components/review/review-follow-up";
import { formatEuroAmountInput } from "@/lib/applications/euro-amount";
import { STATE_LABELS } from "@/lib/applications/state-machine";
import { getProposalWorkspace } from "@/lib/decisions/get-proposal-workspace";
import { OUTCOME_LABELS } from "@/lib/decisions/labels";
import { guardedPageLoad } from "@/lib/http/page-guard";
import { pageParams, RouteParam } from "@/lib/http/route-params";
import { getDossierReviewFollowUp } from "@/lib/review/get-dossier-review-follow-up";
import { formatParisDateTime } from "@/lib/time/paris";
import { formatCount, formatEuros, formatScore } from "@/lib/format/numbers";
import { Breadcrumb, crumb } from "@/components/dsfr/breadcrumb";
import { waveSegments } from "@/components/campaigns/wave-segments";

const PARAMS = { waveId: RouteParam.id, applicationId: RouteParam.id };
type Props = { params: Promise<{ waveId: string; applicationId: string }>; searchParams?: Promise<{ retrait?: string }> };

const loadProposal = guardedPageLoad(
  (waveId: string, applicationId: string) => `/pilotage/vagues/${waveId}/decisions/${applicationId}`,
  (viewer, waveId, applicationId) =>
    Promise.all([getProposalWorkspace(viewer, waveId, applicationId), getDossierReviewFollowUp(viewer, applicationId)]),
);

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { waveId, applicationId } = await pageParams(params, PARAMS);
  const [workspace] = (await loadProposal(waveId, applicationId)).record;
  return { title: `${workspace.dossier.establishment} – Proposition de décision` };
}

export default async function ProposalPage({ params, searchParams }: Props) {
  const { waveId, applicationId } = await pageParams(params, PARAMS);
  const withdrawn = (await searchParams)?.retrait;
  const [workspace, followUp] = (await loadProposal(waveId, applicationId)).record;
  const { dossier, aggregate, staged } = workspace;
  // The staged proposal as the page states it and as its withdrawal's confirmation names it.
  const stagedText = staged
    ? `${OUTCOME_LABELS[staged.outcome]}${staged.amountGrantedCents !== null ? `, ${formatEuros(staged.amountGrantedCents)}` : ""}`
    : "";

  return (
    <>
      <Breadcrumb
        segments={[...waveSegments(waveId, workspace.wave.title), crumb("Décisions", `/pilotage/vagues/${waveId}/decisions`)]}
        current={dossier.establishment}
      />
      <h1>
        {dossier.establishment} <Badge noIcon>{STATE_LABELS[dossier.state]}</Badge>
      </h1>
      <p>
        {dossier.category}, {dossier.region} (FINESS {dossier.finess}) – {dossier.projectTitle || "projet sans titre"}.{" "}
        <Link href={`/dossiers/${dossier.id}`}>Ouvrir le dossier</Link>
      </p>
      <ul>
        <li>Montant demandé : {formatEuros(dossier.requestedCents)}</li>
        <li>
          Note brute : {formatScore(aggregate.raw)} / 100 ; note normalisée : {formatScore(aggregate.normalised)} / 100
        </li>
        <li>
          Écart-type : {formatScore(aggregate.spread?.standardDeviation)} ; étendue : {formatScore(aggregate.spread?.range)} ; médiane :{" "}
          {formatScore(aggregate.spread?.median)}
          {aggregate.toDiscuss ? (
            <Badge small severity="warning" className={fr.cx("fr-ml-1v")}>
              À discuter
            </Badge>
          ) : null}
        </li>
        <li>
          Évaluations : {formatCount(aggregate.reviewsPerTier.REGIONAL, "régionale", "régionales")},{" "}
          {formatCount(aggregate.reviewsPerTier.NATIONAL, "nationale", "nationales")}
        </li>
      </ul>

      {workspace.released.map((decision) => (
        <Alert
          key={decision.id}
          severity="info"
          small
          className={fr.cx("fr-mb-2w")}
          description={`Décision publiée le ${formatParisDateTime(decision.releasedAt!)} : ${OUTCOME_LABELS[decision.outcome]}${decision.amountGrantedCents !== null ? `, ${formatEuros(decision.amountGrantedCents)}` : ""}.`}
        />
      ))}

      <section aria-labelledby="proposition-titre" className={fr.cx("fr-mb-6w")}>
        <h2 id="proposition-titre" className={fr.cx("fr-h4")}>
          Proposition
        </h2>
        {withdrawn && !staged ? <ArrivalNotice key={withdrawn} message={PROPOSAL_WITHDRAWN} /> : null}
        {staged ? (
          <>
            <p>
              Proposition en attente de publication depuis le {formatParisDateTime(staged.stagedAt)} : {stagedText}.
            </p>
            <WithdrawProposalButton applicationId={dossier.id} decisionId={staged.id} summary={stagedText} />
          </>
        ) : null}
        <EnvelopeGauge grantedCents={workspace.envelope.grantedCents} envelopeCents={workspace.envelope.envelopeCents} />
        {dossier.state === "SCORED" ? (
          <ProposalForm
            applicationId={dossier.id}
            comments={workspace.comments}
            defaults={{
              outcome: staged?.outcome ?? "SELECTED",
              amountGranted: staged?.amountGrantedCents ? formatEuroAmountInput(staged.amountGrantedCents) : "",
              conditions: staged?.conditions ?? "",
              reasons: staged?.reasons ?? "",
              envelopeOverrideReason: staged?.envelopeOverrideReason ?? "",
              replacing: staged?.id ?? null,
            }}
          />
        ) : workspace.released.length > 0 ? (
          <p>La décision de ce dossier est publiée : elle ne se modifie plus.</p>
        ) : (
          <p>
            Ce dossier est à l&apos;état « {STATE_LABELS[dossier.state]} » : une décision se propose une fois le dossier «{" "}
            {STATE_LABELS.SCORED} », quand ses évaluations sont remises ou que l&apos;évaluation est close depuis sa page.
          </p>
        )}
      </section>

      {followUp ? <ReviewFollowUp followUp={followUp} /> : null}
    </>
  );
}
