import { fr } from "@codegouvfr/react-dsfr";
import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { ArrivalNotice } from "@/components/forms/focus-on-arrival";
import { hasPermission } from "@/lib/access/policy";
import { requireViewer } from "@/lib/identity/current-viewer";
import { listMyEstablishments } from "@/lib/establishments/queries";
import { departmentName } from "@/lib/establishments/territories";

export const metadata: Metadata = { title: "Mes établissements" };

type Props = { searchParams: Promise<{ depart?: string }> };

export default async function EstablishmentsPage({ searchParams }: Props) {
  const viewer = await requireViewer("/etablissements");
  const establishments = await listMyEstablishments(viewer);
  // Arriving from a team they left (its page is no longer theirs), they read that here first.
  const { depart } = await searchParams;
  if (!depart && establishments.length === 1 && establishments[0]) redirect(`/etablissements/${establishments[0].id}`);

  return (
    <>
      <h1>Mes établissements</h1>
      {depart ? (
        <ArrivalNotice
          key={depart}
          message="Vous avez quitté l'équipe de l'établissement : vous n'accédez plus à ses dossiers ni à la liste de ses professionnels."
        />
      ) : null}
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
