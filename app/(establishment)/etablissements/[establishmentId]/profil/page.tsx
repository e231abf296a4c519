import type { Metadata } from "next";
import { ProfileForm } from "@/components/establishments/profile-form";
import { db } from "@/lib/db/client";
import { getEditableEstablishment } from "@/lib/establishments/queries";
import { DEPARTMENT_OPTIONS } from "@/lib/establishments/territories";
import { dayToIsoDate, toDay } from "@/lib/roster/dates";
import { guardedPageLoad } from "@/lib/http/page-guard";
import { pageParams, RouteParam } from "@/lib/http/route-params";
import { Breadcrumb, crumb } from "@/components/dsfr/breadcrumb";

const PARAMS = { establishmentId: RouteParam.id };
type Props = { params: Promise<{ establishmentId: string }> };

const loadEstablishment = guardedPageLoad(
  (establishmentId: string) => `/etablissements/${establishmentId}/profil`,
  getEditableEstablishment,
);

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { establishmentId } = await pageParams(params, PARAMS);
  const establishment = (await loadEstablishment(establishmentId)).record;
  return { title: `Profil – ${establishment.name}` };
}

export default async function ProfilePage({ params }: Props) {
  const { establishmentId } = await pageParams(params, PARAMS);
  const { record: establishment } = await loadEstablishment(establishmentId);
  const categories = await db.establishmentCategory.findMany({ orderBy: { label: "asc" }, select: { code: true, label: true } });

  return (
    <>
      <Breadcrumb segments={[crumb(establishment.name, `/etablissements/${establishmentId}`)]} current="Profil" />
      <h1>Profil – {establishment.name}</h1>
      <ProfileForm
        establishmentId={establishmentId}
        version={establishment.version}
        categories={categories.map((category) => ({ value: category.code, label: `${category.label} (${category.code})` }))}
        departments={DEPARTMENT_OPTIONS}
        initialValues={{
          name: establishment.name,
          finessEt: establishment.finessEt,
          finessEj: establishment.finessEj,
          siret: establishment.siret ?? "",
          categoryCode: establishment.category.code,
          departmentCode: establishment.departmentCode,
          city: establishment.city,
          headcount: establishment.headcount,
          ght: establishment.ght ?? "",
          usesAirSimplifie: establishment.usesAirSimplifie,
          idpFederatedWithPsc: establishment.idpFederatedWithPsc,
          entitlementProcedureInForce: establishment.entitlementProcedureAdoptedOn !== null,
          entitlementProcedureAdoptedOn:
            establishment.entitlementProcedureAdoptedOn === null ? "" : dayToIsoDate(toDay(establishment.entitlementProcedureAdoptedOn)),
          contacts: establishment.contacts.map((contact) => ({
            fullName: contact.fullName,
            role: contact.role,
            email: contact.email,
            phone: contact.phone ?? "",
          })),
        }}
      />
    </>
  );
}
