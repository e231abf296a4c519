import type { Metadata } from "next";
import { ProfessionalForm } from "@/components/roster/professional-form";
import { authorizeEstablishment } from "@/lib/access/policy";
import { getEstablishment } from "@/lib/establishments/queries";
import { guardPage } from "@/lib/http/page-guard";
import { requireViewer } from "@/lib/identity/current-viewer";
import { parisToday } from "@/lib/roster/dates";
import { professionalFormOptions } from "@/lib/roster/professional-form-options";
import { pageParams, RouteParam } from "@/lib/http/route-params";
import { Breadcrumb, crumb } from "@/components/dsfr/breadcrumb";

export const metadata: Metadata = { title: "Ajouter un professionnel" };

export default async function NewProfessionalPage({ params }: { params: Promise<{ establishmentId: string }> }) {
  const { establishmentId } = await pageParams(params, { establishmentId: RouteParam.id });
  const path = `/etablissements/${establishmentId}/professionnels/nouveau`;
  const viewer = await requireViewer(path);
  const establishment = await guardPage(viewer, path, async () => {
    authorizeEstablishment(viewer, establishmentId, "edit");
    return getEstablishment(viewer, establishmentId);
  });
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
      <p>Au registre de {establishment.name}.</p>
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
