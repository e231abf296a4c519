import type { Metadata } from "next";
import { Breadcrumb, crumb } from "@/components/dsfr/breadcrumb";
import { EstablishmentRegistrationForm } from "@/components/establishments/registration-form";
import { requirePermission } from "@/lib/access/policy";
import { env } from "@/lib/config/env";
import { db } from "@/lib/db/client";
import { DEPARTMENT_OPTIONS } from "@/lib/establishments/territories";
import { guardPage } from "@/lib/http/page-guard";
import { requireViewer } from "@/lib/identity/current-viewer";

export const metadata: Metadata = { title: "Inscrire un établissement" };

export default async function RegisterEstablishmentPage() {
  const viewer = await requireViewer("/pilotage/etablissements/nouveau");
  const categories = await guardPage(viewer, "/pilotage/etablissements/nouveau", async () => {
    requirePermission(viewer, "establishment:register");
    return db.establishmentCategory.findMany({ orderBy: { label: "asc" }, select: { code: true, label: true } });
  });

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
