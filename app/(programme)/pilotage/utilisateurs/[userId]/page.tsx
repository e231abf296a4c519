import type { Metadata } from "next";
import { ReviewerProfileForm } from "@/components/review/reviewer-profile-form";
import { guardPage } from "@/lib/http/page-guard";
import { requireViewer } from "@/lib/identity/current-viewer";
import { getReviewerProfile } from "@/lib/review/get-reviewer-profile";
import { pageParams, RouteParam } from "@/lib/http/route-params";
import { formatCount } from "@/lib/format/numbers";
import { Breadcrumb, crumb } from "@/components/dsfr/breadcrumb";

export const metadata: Metadata = { title: "Fiche d'instructeur" };

export default async function ReviewerProfilePage({ params }: { params: Promise<{ userId: string }> }) {
  const { userId } = await pageParams(params, { userId: RouteParam.id });
  const path = `/pilotage/utilisateurs/${userId}`;
  const viewer = await requireViewer(path);
  const profile = await guardPage(viewer, path, () => getReviewerProfile(viewer, userId));
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
