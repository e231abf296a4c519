import type { Metadata } from "next";
import { ProfessionalForm } from "@/components/roster/professional-form";
import { getEditableEstablishment } from "@/lib/establishments/queries";
import { guardedPageLoad } from "@/lib/http/page-guard";
import { parisToday } from "@/lib/roster/dates";
import { professionalFormOptions } from "@/lib/roster/professional-form-options";
import { pageParams, RouteParam } from "@/lib/http/route-params";
import { Breadcrumb, crumb } from "@/components/dsfr/breadcrumb";
import { ofName } from "@/lib/format/elision";

const PARAMS = { establishmentId: RouteParam.id };
type Props = { params: Promise<{ establishmentId: string }> };

const loadEstablishment = guardedPageLoad(
  (establishmentId: string) => `/etablissements/${establishmentId}/professionnels/nouveau`,
  getEditableEstablishment,
);

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { establishmentId } = await pageParams(params, PARAMS);
  const establishment = (await loadEstablishment(establishmentId)).record;
  return { title: `Ajouter un professionnel – ${establishment.name}` };
}

export default async function NewProfessionalPage({ params }: Props) {
  const { establishmentId } = await pageParams(params, PARAMS);
  const { record: establishment } = await loadEstablishment(establishmentId);
  return (
    <>
      <Breadcrumb
        segments={[
          crumb(establishment.name, `/etablissements/${establishmentId}`),
          crumb("Registre des professionnels", `/etablissements/${establishmentId}/professionnels`),
        ]}
        current="Ajouter un professionnel"
      />
      <h1>Ajouter un professionnel</h1>
      <p>Au registre {ofName(establishment.name)}.</p>
      <ProfessionalForm
        establishmentId={establishmentId}
        options={await professionalFormOptions()}
        initialValues={{
          lastName: "",
          firstName: "",
          birthDate: "",
          population: "SALARIED",
          professionCode: "",
          category: "CIVIL",
          rpps: "",
          rppsStatus: "NOT_REGISTERED",
          rppsCheckedAt: "",
          identityVerification: "NONE",
          activityStart: parisToday(),
          activityEnd: "",
          needsDmp: false,
          needsDpi: false,
          needsPscServices: false,
          needsSecureMessaging: false,
          enrollments: [],
        }}
      />
    </>
  );
}
