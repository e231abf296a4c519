import { fr } from "@codegouvfr/react-dsfr";
import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { hasPermission } from "@/lib/access/policy";
import { requireViewer } from "@/lib/identity/current-viewer";
import { listMyEstablishments } from "@/lib/establishments/queries";
import { departmentName } from "@/lib/establishments/territories";

export const metadata: Metadata = { title: "Mes établissements" };

export default async function EstablishmentsPage() {
  const viewer = await requireViewer("/etablissements");
  const establishments = await listMyEstablishments(viewer);
  if (establishments.length === 1 && establishments[0]) redirect(`/etablissements/${establishments[0].id}`);

  return (
    <>
      <h1>Mes établissements</h1>
      {establishments.length === 0 ? (
        hasPermission(viewer, "establishment:read-any") ? (
          <p>
            Vous n&apos;êtes membre d&apos;aucun établissement. Les établissements candidats se retrouvent par leurs dossiers :{" "}
            <Link href="/pilotage/dossiers">dossiers des vagues</Link>.
          </p>
        ) : (
          <p>Vous n&apos;êtes membre d&apos;aucun établissement. Demandez à la direction de votre établissement de vous inviter.</p>
        )
      ) : (
        <ul className={fr.cx("fr-raw-list")}>
          {establishments.map((establishment) => (
            <li key={establishment.id} className={fr.cx("fr-mb-2w")}>
              <Link href={`/etablissements/${establishment.id}`}>{establishment.name}</Link>
              <br />
              <span className={fr.cx("fr-text--sm")}>
                {establishment.category.label} – {establishment.city} ({departmentName(establishment.departmentCode)}) – FINESS{" "}
                {establishment.finessEt}
              </span>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
