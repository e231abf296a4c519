import { Breadcrumb, crumb } from "@/components/dsfr/breadcrumb";
import { EstablishmentRegistrationForm } from "@/components/establishments/registration-form";
import { requirePermission } from "@/lib/access/policy";
import { env } from "@/lib/config/env";
import { db } from "@/lib/db/client";
import { DEPARTMENT_OPTIONS } from "@/lib/establishments/territories";
import { guardedTitledPage } from "@/lib/http/page-guard";

const guarded = guardedTitledPage("/pilotage/etablissements/nouveau", "Inscrire un établissement", (viewer) => {
  requirePermission(viewer, "establishment:register");
  return db.establishmentCategory.findMany({ orderBy: { label: "asc" }, select: { code: true, label: true } });
});
export const generateMetadata = guarded.generateMetadata;

export default async function RegisterEstablishmentPage() {
  const { record: categories } = await guarded.load();

  return (
    <>
      <Breadcrumb segments={[crumb("Établissements", "/pilotage/etablissements")]} current="Inscrire un établissement" />
      <h1>Inscrire un établissement</h1>
      <p>
        Saisissez l&apos;identité de l&apos;établissement telle que le répertoire FINESS la donne, et l&apos;adresse de sa direction. La
        direction complète ensuite le profil (contacts, GHT, accès au DMP) et invite ses collègues.
      </p>
      <EstablishmentRegistrationForm
        categories={categories.map((category) => ({ value: category.code, label: `${category.label} (${category.code})` }))}
        departments={DEPARTMENT_OPTIONS}
        invitationHours={env.INVITATION_TTL_HOURS}
      />
    </>
  );
}
