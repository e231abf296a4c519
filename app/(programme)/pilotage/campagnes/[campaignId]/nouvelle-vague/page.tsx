import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { NewWaveForm } from "@/components/campaigns/new-wave-form";
import { getCampaign } from "@/lib/campaigns/list-campaigns";
import { listEstablishmentCategories } from "@/lib/campaigns/list-establishment-categories";
import { newWaveFormValues } from "@/lib/campaigns/wave-form-values";
import { guardPage } from "@/lib/http/page-guard";
import { requireViewer } from "@/lib/identity/current-viewer";
import { pageParams, RouteParam } from "@/lib/http/route-params";
import { Breadcrumb, crumb } from "@/components/dsfr/breadcrumb";

export const metadata: Metadata = { title: "Nouvelle vague" };

export default async function NewWavePage({ params }: { params: Promise<{ campaignId: string }> }) {
  const { campaignId } = await pageParams(params, { campaignId: RouteParam.id });
  const path = `/pilotage/campagnes/${campaignId}/nouvelle-vague`;
  const viewer = await requireViewer(path);
  const campaign = await guardPage(viewer, path, () => getCampaign(viewer, campaignId));
  if (!campaign) notFound();
  const categories = await listEstablishmentCategories();

  return (
    <>
      <Breadcrumb segments={[crumb("Campagnes et vagues", "/pilotage/campagnes")]} current={`Nouvelle vague de « ${campaign.title} »`} />
      <h1>Nouvelle vague de « {campaign.title} »</h1>
      <NewWaveForm campaignId={campaign.id} categories={categories} defaultValues={newWaveFormValues()} />
    </>
  );
}
