import { fr } from "@codegouvfr/react-dsfr";
import Link from "next/link";
import { CampaignEditForm } from "@/components/campaigns/campaign-edit-form";
import { CampaignForm } from "@/components/campaigns/campaign-form";
import { WaveStatusBadge } from "@/components/campaigns/wave-status-badge";
import { WAVE_KIND_LABELS } from "@/lib/campaigns/labels";
import { listCampaigns } from "@/lib/campaigns/list-campaigns";
import { waveStatus } from "@/lib/campaigns/wave-status";
import { formatEuros } from "@/lib/format/numbers";
import { guardedTitledPage } from "@/lib/http/page-guard";
import { formatParisDateTime } from "@/lib/time/paris";

const guarded = guardedTitledPage("/pilotage/campagnes", "Campagnes et vagues", (viewer) => listCampaigns(viewer));
export const generateMetadata = guarded.generateMetadata;

export default async function CampaignsPage() {
  const { record: campaigns } = await guarded.load();
  const now = new Date();

  return (
    <>
      <h1>Campagnes et vagues</h1>
      <p>Les dates sont affichées en heure de Paris, celle dans laquelle le programme les annonce et les applique.</p>
      <div className={fr.cx("fr-grid-row", "fr-grid-row--gutters")}>
        <div className={fr.cx("fr-col-12", "fr-col-lg-8")}>
          {campaigns.length === 0 ? <p>Aucune campagne pour l&apos;instant : créez la première avec le formulaire.</p> : null}
          {campaigns.map((campaign) => (
            <section key={campaign.id} aria-labelledby={`campagne-${campaign.id}`} className={fr.cx("fr-mb-6w")}>
              <h2 id={`campagne-${campaign.id}`}>{campaign.title}</h2>
              {campaign.description ? <p>{campaign.description}</p> : null}
              <details className={fr.cx("fr-mb-2w")}>
                <summary>Modifier le titre ou la description</summary>
                <CampaignEditForm campaignId={campaign.id} title={campaign.title} description={campaign.description} />
              </details>
              {campaign.waves.length === 0 ? (
                <p>Aucune vague dans cette campagne.</p>
              ) : (
                <div className={fr.cx("fr-table")}>
                  <table>
                    <caption>Vagues de la campagne {campaign.title}</caption>
                    <thead>
                      <tr>
                        <th scope="col">Vague</th>
                        <th scope="col">Ouverture</th>
                        <th scope="col">Clôture</th>
                        <th scope="col">Enveloppe</th>
                        <th scope="col">État</th>
                        <th scope="col">Dossiers</th>
                      </tr>
                    </thead>
                    <tbody>
                      {campaign.waves.map((wave) => (
                        <tr key={wave.id}>
                          <td>
                            <Link href={`/pilotage/vagues/${wave.id}`}>{wave.title}</Link>
                            <br />
                            <span className={fr.cx("fr-text--sm")}>
                              {WAVE_KIND_LABELS[wave.kind]} {wave.year} – version {wave._count.versions}
                            </span>
                          </td>
                          <td>{formatParisDateTime(wave.opensAt)}</td>
                          <td>{formatParisDateTime(wave.closesAt)}</td>
                          <td>{formatEuros(wave.fundingEnvelopeCents)}</td>
                          <td>
                            <WaveStatusBadge status={waveStatus(wave, now)} />
                          </td>
                          <td>{wave._count.applications}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              )}
              <Link
                className={fr.cx("fr-btn", "fr-btn--secondary", "fr-icon-add-line", "fr-btn--icon-left")}
                href={`/pilotage/campagnes/${campaign.id}/nouvelle-vague`}
              >
                Ajouter une vague à « {campaign.title} »
              </Link>
            </section>
          ))}
        </div>
        <div className={fr.cx("fr-col-12", "fr-col-lg-4")}>
          <h2>Nouvelle campagne</h2>
          <CampaignForm />
        </div>
      </div>
    </>
  );
}
