import { fr } from "@codegouvfr/react-dsfr";
import type { Metadata } from "next";
import { DeclarationSection } from "@/components/follow-up/declaration-section";
import { FollowUpMilestones } from "@/components/follow-up/follow-up-milestones";
import { FollowUpObjectives } from "@/components/follow-up/follow-up-objectives";
import { FollowUpTranches } from "@/components/follow-up/follow-up-tranches";
import { VerificationSection } from "@/components/follow-up/verification-section";
import { getFollowUp } from "@/lib/follow-up/get-follow-up";
import { getVerification } from "@/lib/follow-up/get-verification";
import { formatEurosAndCents } from "@/lib/format/numbers";
import { guardPage } from "@/lib/http/page-guard";
import { pageParams, RouteParam } from "@/lib/http/route-params";
import { requireViewer } from "@/lib/identity/current-viewer";
import { formatCalendarDate } from "@/lib/time/paris";
import { Breadcrumb, crumb } from "@/components/dsfr/breadcrumb";
import { dossierTitle } from "@/lib/applications/labels";
import { establishmentSegments } from "@/components/establishments/establishment-segments";

export const metadata: Metadata = { title: "Suivi du dossier retenu" };

export default async function FollowUpPage({ params }: { params: Promise<{ applicationId: string }> }) {
  const { applicationId } = await pageParams(params, { applicationId: RouteParam.id });
  const path = `/dossiers/${applicationId}/suivi`;
  const viewer = await requireViewer(path);
  const followUp = await guardPage(viewer, path, () => getFollowUp(viewer, applicationId));
  const verification = await guardPage(viewer, path, () => getVerification(viewer, applicationId));
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
      <p>{followUp.waveTitle}</p>
      <p className={fr.cx("fr-text--lead")}>
        {followUp.grant?.amountGrantedCents != null ? (
          <>Montant accordé : {formatEurosAndCents(followUp.grant.amountGrantedCents)}. </>
        ) : null}
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
