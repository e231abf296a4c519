import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { NewWaveForm } from "@/components/campaigns/new-wave-form";
import { getCampaign } from "@/lib/campaigns/list-campaigns";
import { listEstablishmentCategories } from "@/lib/campaigns/list-establishment-categories";
import { newWaveFormValues } from "@/lib/campaigns/wave-form-values";
import { guardedPageLoad } from "@/lib/http/page-guard";
import { pageParams, RouteParam } from "@/lib/http/route-params";
import { Breadcrumb, crumb } from "@/components/dsfr/breadcrumb";

const PARAMS = { campaignId: RouteParam.id };
type Props = { params: Promise<{ campaignId: string }> };

const loadCampaign = guardedPageLoad(
  (campaignId: string) => `/pilotage/campagnes/${campaignId}/nouvelle-vague`,
  async (viewer, campaignId) => (await getCampaign(viewer, campaignId)) ?? notFound(),
);

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { campaignId } = await pageParams(params, PARAMS);
  return { title: `Nouvelle vague de « ${(await loadCampaign(campaignId)).record.title} »` };
}

export default async function NewWavePage({ params }: Props) {
  const { campaignId } = await pageParams(params, PARAMS);
  const { record: campaign } = await loadCampaign(campaignId);
  const categories = await listEstablishmentCategories();

  return (
    <>
      <Breadcrumb segments={[crumb("Campagnes et vagues", "/pilotage/campagnes")]} current={`Nouvelle vague de « ${campaign.title} »`} />
      <h1>Nouvelle vague de « {campaign.title} »</h1>
      <NewWaveForm campaignId={campaign.id} categories={categories} defaultValues={newWaveFormValues()} />
    </>
  );
}
