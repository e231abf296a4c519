import { fr } from "@codegouvfr/react-dsfr";
import { DataTable } from "@/components/dsfr/data-table";
import type { Metadata } from "next";
import { MemberInvitationForm } from "@/components/identity/member-invitation-form";
import { canInviteMember } from "@/lib/access/policy";
import { getEstablishment } from "@/lib/establishments/queries";
import { guardedPageLoad } from "@/lib/http/page-guard";
import { formatParisDate, formatParisDateTime } from "@/lib/time/paris";
import { pageParams, RouteParam } from "@/lib/http/route-params";
import { Breadcrumb, crumb } from "@/components/dsfr/breadcrumb";

const ROLE_LABELS = { DIRECTOR: "Direction", EDITOR: "Co-rédaction" } as const;

const PARAMS = { establishmentId: RouteParam.id };
type Props = { params: Promise<{ establishmentId: string }> };

const loadEstablishment = guardedPageLoad(
  (establishmentId: string) => `/etablissements/${establishmentId}/membres`,
  (viewer, establishmentId) => getEstablishment(viewer, establishmentId),
);

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { establishmentId } = await pageParams(params, PARAMS);
  const establishment = (await loadEstablishment(establishmentId)).record;
  return { title: `Équipe – ${establishment.name}` };
}

export default async function MembersPage({ params }: Props) {
  const { establishmentId } = await pageParams(params, PARAMS);
  const { viewer, record: establishment } = await loadEstablishment(establishmentId);
  const canInvite = canInviteMember(viewer, establishmentId);

  return (
    <>
      <Breadcrumb segments={[crumb(establishment.name, `/etablissements/${establishmentId}`)]} current="Équipe" />
      <h1>Équipe – {establishment.name}</h1>
      <DataTable caption="Membres de l'établissement">
        <thead>
          <tr>
            <th scope="col">Nom</th>
            <th scope="col">Adresse électronique</th>
            <th scope="col">Rôle</th>
            <th scope="col">Depuis le</th>
          </tr>
        </thead>
        <tbody>
          {establishment.memberships.map((membership) => (
            <tr key={membership.user.id}>
              <td>{membership.user.displayName}</td>
              <td>{membership.user.email}</td>
              <td>{ROLE_LABELS[membership.role]}</td>
              <td>{formatParisDate(membership.createdAt)}</td>
            </tr>
          ))}
        </tbody>
      </DataTable>
      {establishment.invitations.length > 0 ? (
        <>
          <h2>Invitations en attente</h2>
          <ul>
            {establishment.invitations.map((invitation) => (
              <li key={invitation.id}>
                {invitation.email} – valable jusqu&apos;au {formatParisDateTime(invitation.expiresAt)}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {canInvite ? (
        <section className={fr.cx("fr-mt-6w")}>
          <h2>Inviter une ou un collègue</h2>
          <p>La personne invitée pourra compléter les dossiers et la liste des professionnels de l&apos;établissement.</p>
          <MemberInvitationForm establishmentId={establishmentId} />
        </section>
      ) : null}
    </>
  );
}
