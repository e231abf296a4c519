import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Breadcrumb, crumb } from "@/components/dsfr/breadcrumb";
import { StartApplicationButton } from "@/components/campaigns/start-application-button";
import { STATE_LABELS } from "@/lib/applications/state-machine";
import { getEligibilityScreen } from "@/lib/campaigns/get-eligibility-screen";
import { eligibilityPath } from "@/lib/campaigns/list-waves-for-establishment";
import { listMyEstablishments } from "@/lib/establishments/queries";
import { formatEuros } from "@/lib/format/numbers";
import { guardedPageLoad } from "@/lib/http/page-guard";
import { requireViewer } from "@/lib/identity/current-viewer";
import { formatParisDateTime } from "@/lib/time/paris";
import { pageParams, RouteParam } from "@/lib/http/route-params";

type Props = { params: Promise<{ waveId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The establishment the page is about: the one asked for, or the viewer's only one; none when the viewer must choose. */
async function establishmentOf({ params, searchParams }: Props) {
  const { waveId } = await pageParams(params, { waveId: RouteParam.id });
  const requested = (await searchParams).etablissement;
  // The establishment comes in the query string: a malformed one is a 404 too, as in the path.
  const chosen = requested === undefined ? undefined : (RouteParam.id.safeParse(requested).data ?? notFound());
  const viewer = await requireViewer(chosen ? eligibilityPath(waveId, chosen) : `/vagues/${waveId}/eligibilite`);
  const establishmentId = chosen ?? (viewer.memberships.length === 1 ? viewer.memberships[0]!.establishmentId : undefined);
  return { waveId, viewer, establishmentId };
}

const loadEligibility = guardedPageLoad(eligibilityPath, getEligibilityScreen);

export async function generateMetadata(props: Props): Promise<Metadata> {
  const { waveId, establishmentId } = await establishmentOf(props);
  if (!establishmentId) return { title: "Pour quel établissement ?" };
  const { wave, establishment } = (await loadEligibility(waveId, establishmentId)).record;
  return { title: `Éligibilité : ${wave.title} – ${establishment.name}` };
}

/**
 * Before the form: a member of an establishment sees whether it may apply to the wave now, and
 * why not when it may not; only an eligible establishment is offered to start its dossier.
 */
export default async function EligibilityPage(props: Props) {
  const { waveId, viewer, establishmentId } = await establishmentOf(props);

  if (!establishmentId) {
    if (viewer.memberships.length === 0) notFound();
    const mine = await listMyEstablishments(viewer);
    return (
      <>
        <h1>Pour quel établissement ?</h1>
        <p>Vous êtes membre de plusieurs établissements : choisissez celui pour lequel vérifier l&apos;éligibilité.</p>
        <ul>
          {mine.map((establishment) => (
            <li key={establishment.id}>
              <Link href={eligibilityPath(waveId, establishment.id)}>{establishment.name}</Link> ({establishment.city})
            </li>
          ))}
        </ul>
      </>
    );
  }

  const { wave, establishment, eligibleCategories, verdict, application, canStart } = (await loadEligibility(waveId, establishmentId))
    .record;

  return (
    <>
      <Breadcrumb segments={[crumb(establishment.name, `/etablissements/${establishment.id}`)]} current={`Éligibilité : ${wave.title}`} />
      <h1>Éligibilité : {wave.title}</h1>
      <p>
        Campagne « {wave.campaign} ».
        <br />
        Candidatures du {formatParisDateTime(wave.opensAt)} au {formatParisDateTime(wave.closesAt)} (heure de Paris)
        {verdict.extended ? `, prolongées jusqu'au ${formatParisDateTime(verdict.closesAt)} pour votre établissement` : ""}. Enveloppe de{" "}
        {formatEuros(wave.fundingEnvelopeCents)}.
        <br />
        Votre établissement : {establishment.name}, catégorie « {establishment.category.label} » ({establishment.category.code}).
      </p>

      {application ? (
        <Alert
          as="h2"
          severity="info"
          title="Votre établissement a déjà un dossier pour cette vague"
          description={
            <>
              État : {STATE_LABELS[application.state]}. <Link href={`/dossiers/${application.id}`}>Ouvrir le dossier</Link>
            </>
          }
        />
      ) : verdict.eligible ? (
        <>
          <Alert
            as="h2"
            severity="success"
            title="Votre établissement peut déposer un dossier"
            description={`Date limite de dépôt : ${formatParisDateTime(verdict.closesAt)} (heure de Paris)${verdict.extended ? ", prolongation accordée à votre établissement comprise" : ""}. Le dossier s'enregistre au fil de la saisie ; il n'est transmis à l'ANS que lorsque vous le déposez.`}
            className={fr.cx("fr-mb-3w")}
          />
          {canStart ? (
            <StartApplicationButton waveId={wave.id} establishmentId={establishment.id} />
          ) : (
            <p>Seuls les membres de l&apos;établissement peuvent commencer son dossier.</p>
          )}
        </>
      ) : (
        <>
          <Alert
            as="h2"
            severity="warning"
            title="Votre établissement ne peut pas commencer de dossier sur cette vague"
            description={verdict.message}
            className={fr.cx("fr-mb-3w")}
          />
          {verdict.reason === "CATEGORY_EXCLUDED" ? (
            <details>
              <summary>Catégories d&apos;établissements éligibles à cette vague ({eligibleCategories.length})</summary>
              <ul>
                {eligibleCategories.map((category) => (
                  <li key={category.code}>
                    {category.label} ({category.code})
                  </li>
                ))}
              </ul>
            </details>
          ) : null}
        </>
      )}
    </>
  );
}
