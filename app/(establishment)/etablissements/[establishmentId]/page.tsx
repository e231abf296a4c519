import { dossierReference } from "@/lib/applications/dossier-reference";
import { fr } from "@codegouvfr/react-dsfr";
import { WaveStatusBadge } from "@/components/campaigns/wave-status-badge";
import { ComplianceSection } from "@/components/roster/compliance-section";
import type { Metadata } from "next";
import Link from "next/link";
import { canAccessEstablishment } from "@/lib/access/policy";
import { STATE_LABELS } from "@/lib/applications/state-machine";
import { listWavesForEstablishment } from "@/lib/campaigns/list-waves-for-establishment";
import { getEstablishmentOverview } from "@/lib/establishments/get-establishment-overview";
import { getEstablishmentCompliance } from "@/lib/roster/get-establishment-compliance";
import { formatParisDateTime } from "@/lib/time/paris";
import { departmentName, regionName } from "@/lib/establishments/territories";
import { guardedPageLoad, guardPage } from "@/lib/http/page-guard";
import { pageParams, RouteParam } from "@/lib/http/route-params";
import { formatCount } from "@/lib/format/numbers";
import { ArrivalNotice } from "@/components/forms/focus-on-arrival";
import { Badge } from "@/components/dsfr/badge";
import { firstSteps } from "@/lib/establishments/first-steps";

const PARAMS = { establishmentId: RouteParam.id };

/** What the page says on arrival from an invitation (its `bienvenue` parameter): an account activated with a key, or a team joined. */
const ARRIVAL_MESSAGES = {
  cle: () =>
    "Votre compte est activé et vous êtes connecté. Votre clé d'accès est enregistrée : retrouvez-la, et ajoutez une clé de secours, dans « Mon compte ».",
  psc: (name: string) =>
    `Votre compte est activé : vous avez rejoint l'équipe de «\u00a0${name}\u00a0». Connectez-vous désormais avec Pro Santé Connect.`,
  equipe: (name: string) => `Vous avez rejoint l'équipe de «\u00a0${name}\u00a0».`,
} as const;

const loadOverview = guardedPageLoad((establishmentId: string) => `/etablissements/${establishmentId}`, getEstablishmentOverview);

export async function generateMetadata({ params }: { params: Promise<{ establishmentId: string }> }): Promise<Metadata> {
  const { establishmentId } = await pageParams(params, PARAMS);
  return { title: (await loadOverview(establishmentId)).record.name };
}

export default async function EstablishmentPage({
  params,
  searchParams,
}: {
  params: Promise<{ establishmentId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { establishmentId } = await pageParams(params, PARAMS);
  const { cible, periode, bienvenue } = await searchParams;
  const { viewer, path, record: establishment } = await loadOverview(establishmentId);
  // The waves and the compliance section ask the policy themselves, and read the establishment
  // from the overview's read (React's `cache`).
  const [waves, compliance] = await guardPage(viewer, path, () =>
    Promise.all([
      listWavesForEstablishment(viewer, establishmentId),
      getEstablishmentCompliance(viewer, establishmentId, {
        target: typeof cible === "string" ? cible : undefined,
        period: typeof periode === "string" ? periode : undefined,
      }),
    ]),
  );

  const arrival =
    typeof bienvenue === "string" && Object.hasOwn(ARRIVAL_MESSAGES, bienvenue) ? (bienvenue as keyof typeof ARRIVAL_MESSAGES) : null;
  const canEdit = canAccessEstablishment(viewer, establishment.id, "edit");
  const steps = firstSteps({
    establishmentId: establishment.id,
    contacts: establishment._count.contacts,
    rosterSize: compliance.rosterSize,
    waves,
  });

  return (
    <>
      <h1>{establishment.name}</h1>
      {arrival ? <ArrivalNotice message={ARRIVAL_MESSAGES[arrival](establishment.name)} /> : null}
      <p className={fr.cx("fr-text--lead")}>
        {establishment.category.label} – {establishment.city}, {departmentName(establishment.departmentCode)} (
        {regionName(establishment.regionCode)})
      </p>
      {canEdit && steps.some((step) => !step.done) ? (
        <section aria-labelledby="premiers-pas-titre" className={fr.cx("fr-mb-4w")}>
          <h2 id="premiers-pas-titre">Pour commencer</h2>
          <ol>
            {steps.map((step) => (
              <li key={step.label}>
                <Link href={step.href}>{step.label}</Link>{" "}
                {step.done ? (
                  <Badge severity="success" small>
                    fait
                  </Badge>
                ) : null}
              </li>
            ))}
          </ol>
        </section>
      ) : null}
      <dl>
        <dt>FINESS de l&apos;établissement (ET)</dt>
        <dd>{establishment.finessEt}</dd>
        <dt>FINESS de l&apos;entité juridique (EJ)</dt>
        <dd>{establishment.finessEj}</dd>
        {establishment.siret ? (
          <>
            <dt>SIRET</dt>
            <dd>{establishment.siret}</dd>
          </>
        ) : null}
        <dt>Effectif déclaré (profil)</dt>
        <dd>{formatCount(establishment.headcount, "professionnel", "professionnels")}</dd>
        {establishment.ght ? (
          <>
            <dt>GHT</dt>
            <dd>{establishment.ght}</dd>
          </>
        ) : null}
      </dl>
      <section aria-labelledby="vagues-titre" className={fr.cx("fr-mb-4w")}>
        <h2 id="vagues-titre">Appels à projets</h2>
        {waves.length === 0 ? (
          <p>Aucune vague n&apos;est encore publiée.</p>
        ) : (
          <ul className={fr.cx("fr-raw-list")}>
            {waves.map((wave) => (
              <li key={wave.id} className={fr.cx("fr-mb-3w")}>
                <h3 className={fr.cx("fr-h6", "fr-mb-1v")}>
                  {wave.title} <WaveStatusBadge status={wave.status} />
                </h3>
                <p className={fr.cx("fr-text--sm", "fr-mb-1v")}>
                  Clôture : {formatParisDateTime(wave.closesAt)} (heure de Paris)
                  {wave.extended ? " – prolongation accordée à l'établissement" : ""}
                </p>
                {wave.application ? (
                  <Link href={`/dossiers/${wave.application.id}`}>
                    Dossier {dossierReference(wave.application.number)} : {STATE_LABELS[wave.application.state]}
                  </Link>
                ) : wave.eligibility.eligible ? (
                  canEdit ? (
                    <Link className={fr.cx("fr-btn", "fr-btn--sm")} href={wave.eligibilityPath}>
                      Vérifier l&apos;éligibilité et commencer le dossier
                    </Link>
                  ) : (
                    <p className={fr.cx("fr-text--sm")}>Pas de dossier.</p>
                  )
                ) : (
                  <p className={fr.cx("fr-text--sm")}>{wave.eligibility.message}</p>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>
      <ComplianceSection compliance={compliance} />
      <ul className={fr.cx("fr-btns-group", "fr-btns-group--inline-md")}>
        {canEdit ? (
          <li>
            <Link className={fr.cx("fr-btn", "fr-btn--secondary")} href={`/etablissements/${establishment.id}/profil`}>
              Modifier le profil
            </Link>
          </li>
        ) : null}
        <li>
          <Link className={fr.cx("fr-btn", "fr-btn--secondary")} href={`/etablissements/${establishment.id}/professionnels`}>
            Registre des professionnels
          </Link>
        </li>
        <li>
          <Link className={fr.cx("fr-btn", "fr-btn--secondary")} href={`/etablissements/${establishment.id}/membres`}>
            Équipe ({establishment._count.memberships})
          </Link>
        </li>
      </ul>
    </>
  );
}
