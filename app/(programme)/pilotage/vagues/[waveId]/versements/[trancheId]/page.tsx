import { fr } from "@codegouvfr/react-dsfr";
import type { Metadata } from "next";
import Link from "next/link";
import { TrancheStatusBadge, trancheStatusDetail } from "@/components/follow-up/tranche-status";
import { TrancheStepsPanel } from "@/components/follow-up/tranche-steps-panel";
import { getTranche } from "@/lib/follow-up/get-tranche";
import { TRANCHE_LABELS } from "@/lib/follow-up/tranches";
import { formatEuros } from "@/lib/format/numbers";
import { guardedPageLoad } from "@/lib/http/page-guard";
import { pageParams, RouteParam } from "@/lib/http/route-params";
import { parisToday } from "@/lib/time/paris";
import { Breadcrumb, crumb } from "@/components/dsfr/breadcrumb";
import { waveSegments } from "@/components/campaigns/wave-segments";

const PARAMS = { waveId: RouteParam.id, trancheId: RouteParam.id };
type Props = { params: Promise<{ waveId: string; trancheId: string }> };

const loadTranche = guardedPageLoad(
  (waveId: string, trancheId: string) => `/pilotage/vagues/${waveId}/versements/${trancheId}`,
  getTranche,
);

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { waveId, trancheId } = await pageParams(params, PARAMS);
  const tranche = (await loadTranche(waveId, trancheId)).record;
  return { title: `${TRANCHE_LABELS[tranche.kind]} – ${tranche.application.establishment.name}` };
}

export default async function TranchePage({ params }: Props) {
  const { waveId, trancheId } = await pageParams(params, PARAMS);
  const { record: tranche } = await loadTranche(waveId, trancheId);
  const { application } = tranche;
  return (
    <>
      <Breadcrumb
        segments={[...waveSegments(waveId, application.wave.title), crumb("Versements", `/pilotage/vagues/${waveId}/versements`)]}
        current={`${TRANCHE_LABELS[tranche.kind]} – ${application.establishment.name}`}
      />
      <h1>
        {TRANCHE_LABELS[tranche.kind]} – {application.establishment.name}
      </h1>
      <dl className={fr.cx("fr-mb-4w")}>
        <dt className={fr.cx("fr-text--bold")}>Montant</dt>
        <dd>{formatEuros(tranche.amountCents)}</dd>
        <dt className={fr.cx("fr-text--bold")}>État</dt>
        <dd>
          <TrancheStatusBadge status={tranche.status} /> {trancheStatusDetail(tranche)}
        </dd>
        {tranche.orderedBy ? (
          <>
            <dt className={fr.cx("fr-text--bold")}>Ordonnancement enregistré par</dt>
            <dd>{tranche.orderedBy.displayName}</dd>
          </>
        ) : null}
        {tranche.paidBy ? (
          <>
            <dt className={fr.cx("fr-text--bold")}>Paiement enregistré par</dt>
            <dd>{tranche.paidBy.displayName}</dd>
          </>
        ) : null}
        <dt className={fr.cx("fr-text--bold")}>Dossier</dt>
        <dd>
          <Link href={`/dossiers/${application.id}/suivi`}>
            {application.reference}
            {application.projectTitle ? ` – ${application.projectTitle}` : ""}
          </Link>
        </dd>
      </dl>
      {tranche.steps.length === 0 ? (
        <p>Cette tranche n&apos;est pas encore due : elle le sera à la validation des résultats déclarés.</p>
      ) : (
        <TrancheStepsPanel trancheId={tranche.id} steps={tranche.steps} today={parisToday()} />
      )}
    </>
  );
}
