import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import type { Metadata } from "next";
import Link from "next/link";
import { ExtensionForm } from "@/components/campaigns/extension-form";
import { ExtensionsTable, WaveVersionsTable } from "@/components/campaigns/wave-history";
import { EXTENSION_WITHDRAWN } from "@/components/campaigns/withdraw-extension-button";
import { ArrivalNotice } from "@/components/forms/focus-on-arrival";
import { WaveGridForm } from "@/components/campaigns/wave-grid-form";
import { WaveSettingsForm } from "@/components/campaigns/wave-settings-form";
import { WaveStatusBadge } from "@/components/campaigns/wave-status-badge";
import { FollowUpSettingsForm } from "@/components/follow-up/follow-up-settings-form";
import { KnownVersionScope } from "@/components/forms/use-known-version";
import { getWaveConfiguration } from "@/lib/campaigns/get-wave-configuration";
import { FROZEN_BECAUSE_LABELS, frozenBecause } from "@/lib/campaigns/grid-versioning";
import { WAVE_KIND_LABELS } from "@/lib/campaigns/labels";
import { listEstablishmentCategories } from "@/lib/campaigns/list-establishment-categories";
import { waveGridFormValues, waveSettingsFormValues } from "@/lib/campaigns/wave-form-values";
import { waveStatus } from "@/lib/campaigns/wave-status";
import { followUpFormValues } from "@/lib/follow-up/settings-form-values";
import { formatCount, formatEuros } from "@/lib/format/numbers";
import { guardedPageLoad } from "@/lib/http/page-guard";
import { formatParisDateTime } from "@/lib/time/paris";
import { pageParams, RouteParam } from "@/lib/http/route-params";
import { Breadcrumb, crumb } from "@/components/dsfr/breadcrumb";

const PARAMS = { waveId: RouteParam.id };
type Props = {
  params: Promise<{ waveId: string }>;
  searchParams: Promise<{ creee?: string; retrait?: string; retraitSansCourriel?: string }>;
};

const loadWave = guardedPageLoad((waveId: string) => `/pilotage/vagues/${waveId}`, getWaveConfiguration);

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { waveId } = await pageParams(params, PARAMS);
  return { title: `${(await loadWave(waveId)).record.title} – Configuration de la vague` };
}

export default async function WavePage({ params, searchParams }: Props) {
  const { waveId } = await pageParams(params, PARAMS);
  // Set by the new wave's form, which brings the manager here once the wave is created.
  const query = await searchParams;
  const created = query.creee === "1";
  // Set by « Retirer » (`WithdrawExtensionButton`), stamped with the time.
  const withdrawn = (["retrait", "retraitSansCourriel"] as const).find((key) => query[key]);
  const { record: wave } = await loadWave(waveId);
  const categories = await listEstablishmentCategories();
  const now = new Date();
  const current = wave.currentVersion;
  const frozen = frozenBecause({
    now,
    opensAt: wave.opensAt,
    current: { frozenAt: current.frozenAt, applicationCount: current._count.applications },
  });
  const dossierCount = wave.versions.reduce((sum, version) => sum + version._count.applications, 0);

  // The settings, grid and targets forms edit fields of their own of the wave: each one's save
  // moves the others' known version on (`KnownVersionScope`).
  return (
    <KnownVersionScope>
      <Breadcrumb segments={[crumb("Campagnes et vagues", "/pilotage/campagnes")]} current={wave.title} />
      <h1>
        {wave.title} <WaveStatusBadge status={waveStatus(wave, now)} />
      </h1>
      {/* The new wave's form is on the page left behind: the message takes the focus, which says it. */}
      {created ? (
        <ArrivalNotice message="La vague est créée : ses paramètres, ses objectifs et sa grille restent modifiables ci-dessous." />
      ) : null}
      <p>Campagne « {wave.campaign.title} »</p>
      <p className={fr.cx("fr-text--lead")}>
        {WAVE_KIND_LABELS[wave.kind]} {wave.year} : du {formatParisDateTime(wave.opensAt)} au {formatParisDateTime(wave.closesAt)} (heure de
        Paris), enveloppe de {formatEuros(wave.fundingEnvelopeCents)},{" "}
        {formatCount(wave.eligibleCategoryCodes.length, "catégorie éligible", "catégories éligibles")},{" "}
        {formatCount(dossierCount, "dossier", "dossiers")}.
      </p>
      <p>
        <Link href={`/pilotage/vagues/${wave.id}/attribution`}>Instruction : paramètres et attribution des dossiers</Link>
      </p>
      <p>
        <Link href={`/pilotage/vagues/${wave.id}/decisions`}>Décisions : classement, propositions et publication</Link>
      </p>
      <p>
        <Link href={`/pilotage/vagues/${wave.id}/versements`}>Versements : tranches dues, ordonnancées et versées</Link>
      </p>

      <section aria-labelledby="parametres" className={fr.cx("fr-mb-6w")}>
        <h2 id="parametres">Paramètres</h2>
        <p>
          Dates, enveloppe et éligibilité restent modifiables après l&apos;ouverture ; chaque changement est inscrit au journal
          d&apos;audit.
        </p>
        <WaveSettingsForm
          waveId={wave.id}
          waveVersion={wave.version}
          categories={categories}
          defaultValues={waveSettingsFormValues(wave)}
          openedOn={now >= wave.opensAt ? formatParisDateTime(wave.opensAt) : undefined}
        />
      </section>

      <section aria-labelledby="grille" className={fr.cx("fr-mb-6w")}>
        <h2 id="grille">Objectifs et grille d&apos;évaluation (version {current.number})</h2>
        {frozen ? null : (
          <Alert
            severity="info"
            small
            className={fr.cx("fr-mb-3w")}
            description={`Tant que la vague n'est pas ouverte et qu'aucun dossier n'est commencé, vos modifications remplacent la version ${current.number}.`}
          />
        )}
        <WaveGridForm
          waveId={wave.id}
          waveVersion={wave.version}
          defaultValues={waveGridFormValues(wave)}
          newVersionNotice={
            frozen
              ? `${FROZEN_BECAUSE_LABELS[frozen]} : enregistrer ces modifications créera la version ${current.number + 1}, à laquelle seront rattachés les dossiers commencés ensuite. Les dossiers déjà commencés gardent leur version.`
              : undefined
          }
        />
      </section>

      <section aria-labelledby="suivi" className={fr.cx("fr-mb-6w")}>
        <h2 id="suivi">Suivi après sélection : cibles et échéancier</h2>
        <p>
          Pour chaque objectif, l&apos;indicateur du registre qui le mesure, le seuil à atteindre et sa date ; les dossiers retenus en
          suivent l&apos;avancement et la déclaration de résultats est pré-vérifiée contre ces cibles. Un objectif sans cible n&apos;est pas
          pré-vérifié.
        </p>
        <FollowUpSettingsForm
          waveId={wave.id}
          waveVersion={wave.version}
          objectives={wave.targetObjectives}
          versionCount={wave.versions.length}
          defaultValues={followUpFormValues(wave)}
        />
      </section>

      <section aria-labelledby="prolongations" className={fr.cx("fr-mb-6w")}>
        <h2 id="prolongations">Prolongations par établissement</h2>
        {withdrawn ? <ArrivalNotice key={query[withdrawn]} message={EXTENSION_WITHDRAWN[withdrawn]} /> : null}
        <ExtensionsTable wave={wave} extensions={wave.extensions} />
        <h3 className={fr.cx("fr-h5")}>Accorder une prolongation</h3>
        {/* A new form after a withdrawal: the previous grant's message is not left beside the withdrawal's. */}
        <ExtensionForm
          key={withdrawn ? query[withdrawn] : "form"}
          waveId={wave.id}
          granted={wave.extensions.map((extension) => ({
            finessEt: extension.establishment.finessEt,
            establishment: extension.establishment.name,
            closesAt: extension.closesAt,
          }))}
        />
      </section>

      <section aria-labelledby="versions">
        <h2 id="versions">Historique des versions</h2>
        <WaveVersionsTable versions={wave.versions} />
      </section>
    </KnownVersionScope>
  );
}
