import type { Metadata } from "next";
import { ReviewerProfileForm } from "@/components/review/reviewer-profile-form";
import { guardedPageLoad } from "@/lib/http/page-guard";
import { getReviewerProfile } from "@/lib/review/get-reviewer-profile";
import { pageParams, RouteParam } from "@/lib/http/route-params";
import { formatCount } from "@/lib/format/numbers";
import { Breadcrumb, crumb } from "@/components/dsfr/breadcrumb";

const PARAMS = { userId: RouteParam.id };
type Props = { params: Promise<{ userId: string }> };

const loadReviewerProfile = guardedPageLoad((userId: string) => `/pilotage/utilisateurs/${userId}`, getReviewerProfile);

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { userId } = await pageParams(params, PARAMS);
  return { title: `${(await loadReviewerProfile(userId)).record.displayName} – Fiche d'instructeur` };
}

export default async function ReviewerProfilePage({ params }: Props) {
  const { userId } = await pageParams(params, PARAMS);
  const { record: profile } = await loadReviewerProfile(userId);
  return (
    <>
      <Breadcrumb segments={[crumb("Utilisateurs de l'ANS", "/pilotage/utilisateurs")]} current={profile.displayName} />
      <h1>{profile.displayName}</h1>
      <p>
        {profile.email} – {formatCount(profile.liveAssignments, "dossier attribué", "dossiers attribués")}
        {profile.disabled ? " – compte désactivé" : ""}.
      </p>
      <ReviewerProfileForm userId={profile.id} defaultValues={profile.form} />
    </>
  );
}
