import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import type { Metadata } from "next";
import { ArrivalNotice } from "@/components/forms/focus-on-arrival";
import { DeleteProfessionalButton } from "@/components/roster/delete-professional-button";
import { ProfessionalForm } from "@/components/roster/professional-form";
import { canAccessEstablishment } from "@/lib/access/policy";
import { guardedPageLoad } from "@/lib/http/page-guard";
import { formatDayFr, formatDayFrLong, toDay } from "@/lib/roster/dates";
import { getProfessional } from "@/lib/roster/get-professional";
import { IDENTITY_LABELS, POPULATION_LABELS, professionalName, RPPS_STATUS_LABELS } from "@/lib/roster/labels";
import { MIE_CATALOGUE } from "@/lib/mie/catalogue";
import { professionalFormOptions } from "@/lib/roster/professional-form-options";
import { toFormValues } from "@/lib/roster/professional-schema";
import { pageParams, RouteParam } from "@/lib/http/route-params";
import { Breadcrumb, crumb } from "@/components/dsfr/breadcrumb";

const PARAMS = { establishmentId: RouteParam.id, professionalId: RouteParam.id };

const loadProfessional = guardedPageLoad(
  (establishmentId: string, professionalId: string) => `/etablissements/${establishmentId}/professionnels/${professionalId}`,
  (viewer, establishmentId, professionalId) => getProfessional(viewer, { establishmentId, professionalId }),
);

export async function generateMetadata({
  params,
}: {
  params: Promise<{ establishmentId: string; professionalId: string }>;
}): Promise<Metadata> {
  const { establishmentId, professionalId } = await pageParams(params, PARAMS);
  const { record, establishmentName } = (await loadProfessional(establishmentId, professionalId)).record;
  return { title: `${professionalName(record)} – ${establishmentName}` };
}

export default async function ProfessionalPage({
  params,
  searchParams,
}: {
  params: Promise<{ establishmentId: string; professionalId: string }>;
  searchParams: Promise<{ cree?: string }>;
}) {
  const { establishmentId, professionalId } = await pageParams(params, PARAMS);
  const {
    viewer,
    record: { record, version, compliance, today, establishmentName },
  } = await loadProfessional(establishmentId, professionalId);
  const canEdit = canAccessEstablishment(viewer, establishmentId, "edit");
  const created = (await searchParams).cree === "1";

  return (
    <>
      <Breadcrumb
        segments={[
          crumb(establishmentName, `/etablissements/${establishmentId}`),
          crumb("Registre des professionnels", `/etablissements/${establishmentId}/professionnels`),
        ]}
        current={professionalName(record)}
      />
      <h1>{professionalName(record)}</h1>
      {/* The form that had the focus stayed on the page left behind: the message takes it, said once. */}
      {created ? <ArrivalNotice message="Le professionnel a été ajouté au registre." /> : null}
      <section aria-labelledby="situation-titre" className={fr.cx("fr-mb-4w")}>
        <h2 id="situation-titre" className={fr.cx("fr-h4")}>
          Situation au {formatDayFrLong(toDay(today))}
        </h2>
        {!compliance.active ? (
          <p>Ce professionnel n&apos;est pas en activité à cette date : il n&apos;entre pas dans les indicateurs.</p>
        ) : compliance.missing.length === 0 ? (
          <Alert
            severity="success"
            small
            description="Rien ne manque : ce professionnel répond aux exigences du RIE pour les accès dont il a besoin."
          />
        ) : (
          <ul>
            {compliance.missing.map((item) => (
              <li key={item.code}>
                <strong>{item.message}</strong> {item.nextStep}
              </li>
            ))}
          </ul>
        )}
      </section>
      {canEdit ? (
        <>
          <ProfessionalForm
            establishmentId={establishmentId}
            professionalId={professionalId}
            version={version}
            initialValues={toFormValues(record)}
            options={await professionalFormOptions()}
          />
          <section aria-labelledby="suppression-titre" className={fr.cx("fr-mt-6w")}>
            <h2 id="suppression-titre" className={fr.cx("fr-h4")}>
              Fiche créée par erreur
            </h2>
            <p>
              Un doublon, ou une personne importée dans le mauvais établissement : supprimez la fiche, elle disparaît du registre et des
              indicateurs. Pour une personne qui a quitté l&apos;établissement, renseignez plutôt sa fin d&apos;activité.
            </p>
            <DeleteProfessionalButton
              establishmentId={establishmentId}
              professionalId={professionalId}
              version={version}
              name={professionalName(record)}
            />
          </section>
        </>
      ) : (
        <dl>
          <dt>Profession, population</dt>
          <dd>
            {record.professionCode} – {POPULATION_LABELS[record.population]}
          </dd>
          <dt>RPPS</dt>
          <dd>
            {record.rpps ?? "Aucun numéro"} – {RPPS_STATUS_LABELS[record.rppsStatus]}
          </dd>
          <dt>Vérification de l&apos;identité</dt>
          <dd>{IDENTITY_LABELS[record.identityVerification]}</dd>
          <dt>Activité</dt>
          <dd>
            Depuis le {formatDayFr(toDay(record.activityStart))}
            {record.activityEnd ? `, jusqu'au ${formatDayFr(toDay(record.activityEnd))}` : ""}
          </dd>
          <dt>MIE</dt>
          <dd>
            {record.enrollments.length ? record.enrollments.map((enrollment) => MIE_CATALOGUE[enrollment.type].label).join(" ; ") : "Aucun"}
          </dd>
        </dl>
      )}
    </>
  );
}
