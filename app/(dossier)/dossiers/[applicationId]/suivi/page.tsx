import { fr } from "@codegouvfr/react-dsfr";
import type { Metadata } from "next";
import { DeclarationSection } from "@/components/follow-up/declaration-section";
import { FollowUpMilestones } from "@/components/follow-up/follow-up-milestones";
import { FollowUpObjectives } from "@/components/follow-up/follow-up-objectives";
import { FollowUpTranches } from "@/components/follow-up/follow-up-tranches";
import { VerificationSection } from "@/components/follow-up/verification-section";
import { getFollowUp } from "@/lib/follow-up/get-follow-up";
import { getVerification } from "@/lib/follow-up/get-verification";
import { formatEuros } from "@/lib/format/numbers";
import { guardedPageLoad } from "@/lib/http/page-guard";
import { pageParams, RouteParam } from "@/lib/http/route-params";
import { formatCalendarDate } from "@/lib/time/paris";
import { Breadcrumb, crumb } from "@/components/dsfr/breadcrumb";
import { dossierTitle } from "@/lib/applications/labels";
import { establishmentSegments } from "@/components/establishments/establishment-segments";

const PARAMS = { applicationId: RouteParam.id };
type Props = { params: Promise<{ applicationId: string }> };

const loadFollowUp = guardedPageLoad(
  (applicationId: string) => `/dossiers/${applicationId}/suivi`,
  async (viewer, applicationId) => ({
    followUp: await getFollowUp(viewer, applicationId),
    verification: await getVerification(viewer, applicationId),
  }),
);

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { applicationId } = await pageParams(params, PARAMS);
  const { followUp } = (await loadFollowUp(applicationId)).record;
  return { title: `Suivi du dossier retenu – ${followUp.establishment.name}` };
}

export default async function FollowUpPage({ params }: Props) {
  const { applicationId } = await pageParams(params, PARAMS);
  const {
    viewer,
    record: { followUp, verification },
  } = await loadFollowUp(applicationId);
  return (
    <>
      <Breadcrumb
        segments={[
          ...establishmentSegments(viewer, { id: followUp.establishmentId, name: followUp.establishment.name }),
          crumb(dossierTitle(followUp.projectTitle), `/dossiers/${applicationId}`),
        ]}
        current="Suivi du dossier retenu"
      />
      <h1>Suivi du dossier retenu</h1>
      <p>
        {followUp.waveTitle} – référence du dossier : <strong>{followUp.reference}</strong>
      </p>
      <p className={fr.cx("fr-text--lead")}>
        {followUp.grant?.amountGrantedCents != null ? <>Montant accordé : {formatEuros(followUp.grant.amountGrantedCents)}. </> : null}
        Situation au {formatCalendarDate(followUp.today)}.
      </p>
      <FollowUpObjectives followUp={followUp} />
      <DeclarationSection followUp={followUp} />
      <FollowUpMilestones followUp={followUp} />
      <VerificationSection view={verification} />
      <FollowUpTranches followUp={followUp} />
    </>
  );
}
