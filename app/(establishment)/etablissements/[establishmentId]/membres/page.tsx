import { fr } from "@codegouvfr/react-dsfr";
import { ArrivalNotice } from "@/components/forms/focus-on-arrival";
import type { MembershipRole, StaffRole } from "@/lib/db/generated/enums";
import { MEMBERSHIP_ROLE_LABELS } from "@/lib/establishments/membership-role-labels";
import { DataTable } from "@/components/dsfr/data-table";
import type { Metadata } from "next";
import { MemberInvitationForm } from "@/components/identity/member-invitation-form";
import {
  canCancelInvitation,
  canChangeMemberRole,
  canInviteMember,
  canLeaveTeam,
  canRecoverAccess,
  canRemoveMember,
} from "@/lib/access/policy";
import {
  countInvitationsLost,
  isOnlyDirector,
  LAST_DIRECTOR_STAYS_NOTICE,
  ownDepartureQuestion,
  PROMOTE_LABEL,
} from "@/lib/establishments/team";
import { ConfirmedActionButton } from "@/components/forms/confirmed-action-button";
import { CancelInvitationButton, INVITATION_CANCELLED } from "@/components/identity/cancel-invitation-button";
import { RecoverAccessButton } from "@/components/identity/recover-access-button";
import { getEstablishment } from "@/lib/establishments/queries";
import { guardedPageLoad } from "@/lib/http/page-guard";
import { formatParisDate, formatParisDateTime } from "@/lib/time/paris";
import { pageParams, RouteParam } from "@/lib/http/route-params";
import { Breadcrumb, crumb } from "@/components/dsfr/breadcrumb";

const PARAMS = { establishmentId: RouteParam.id };
type Props = {
  params: Promise<{ establishmentId: string }>;
  searchParams: Promise<{ inscrit?: string; retrait?: string; role?: string; direction?: string; annulation?: string }>;
};

/** What the page says on arrival after an action (its query parameter), the action's control being gone with its row. */
const ARRIVAL_MESSAGES = {
  retrait:
    "La personne a été retirée de l'équipe : elle n'accède plus aux dossiers ni à la liste des professionnels, et en est prévenue par courriel.",
  role: "Le rôle a été changé : la personne en est prévenue par courriel.",
  direction:
    "Vous avez quitté la direction : vous êtes désormais en co-rédaction. Gérer l'équipe et déclarer les résultats des dossiers retenus reviennent aux autres personnes de la direction.",
  annulation: INVITATION_CANCELLED,
} as const;

/** The role change a member's row offers: the direction to a co-editor, co-rédaction to a director. */
const ROLE_CHANGES = {
  EDITOR: {
    role: "DIRECTOR",
    label: PROMOTE_LABEL,
    question: (name: string) =>
      `Confier la direction de l'établissement à ${name} ? Cette personne pourra gérer l'équipe et déclarer les résultats des dossiers retenus.`,
  },
  DIRECTOR: {
    role: "EDITOR",
    label: "Passer en co-rédaction",
    question: (name: string) =>
      `Passer ${name} en co-rédaction ? Cette personne ne pourra plus gérer l'équipe ni déclarer les résultats des dossiers retenus.`,
  },
} as const satisfies Record<MembershipRole, { role: MembershipRole; label: string; question: (name: string) => string }>;

const loadEstablishment = guardedPageLoad(
  (establishmentId: string) => `/etablissements/${establishmentId}/membres`,
  (viewer, establishmentId) => getEstablishment(viewer, establishmentId),
);

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { establishmentId } = await pageParams(params, PARAMS);
  const establishment = (await loadEstablishment(establishmentId)).record;
  return { title: `Équipe – ${establishment.name}` };
}

export default async function MembersPage({ params, searchParams }: Props) {
  const { establishmentId } = await pageParams(params, PARAMS);
  const { viewer, record: establishment } = await loadEstablishment(establishmentId);
  const canInvite = canInviteMember(viewer, establishmentId);
  const roles: MembershipRole[] = canInviteMember(viewer, establishmentId, "DIRECTOR") ? ["EDITOR", "DIRECTOR"] : ["EDITOR"];
  const query = await searchParams;
  const registered = query.inscrit === "1";
  const arrival = (["retrait", "role", "direction", "annulation"] as const).find((key) => query[key]);
  const canRemove = canRemoveMember(viewer, establishmentId);
  const canChangeRole = canChangeMemberRole(viewer, establishmentId);
  const team = establishment.memberships.map((membership) => ({ userId: membership.user.id, role: membership.role }));
  // The viewer's own row: leaving the team, for any member but the only director; leaving the
  // direction too, for a director, by the same rule and command as for another member.
  const ownRole = team.find((member) => member.userId === viewer.userId)?.role;
  const canLeave = canLeaveTeam(viewer, establishmentId, team);
  const canStepDown = canLeave && canChangeRole && ownRole === "DIRECTOR";
  const lastDirector = isOnlyDirector(team, viewer.userId);
  const hasActions = canRemove || canChangeRole || canLeave;
  const departureQuestion = (departure: "leave-direction" | "leave-team") =>
    ownDepartureQuestion(departure, {
      establishment: establishment.name,
      invitationsLost: countInvitationsLost(establishment.invitations, viewer.userId, departure),
    });
  const canRecover = (user: { id: string; staffRole: StaffRole | null }) =>
    canRecoverAccess(viewer, { userId: user.id, staffRole: user.staffRole, establishmentIds: [establishmentId] });

  return (
    <>
      <Breadcrumb segments={[crumb(establishment.name, `/etablissements/${establishmentId}`)]} current="Équipe" />
      <h1>Équipe – {establishment.name}</h1>
      {registered ? (
        <ArrivalNotice
          message={
            establishment.invitations[0]
              ? `L'établissement est inscrit. Sa direction est invitée à l'adresse ${establishment.invitations[0].email} : elle complétera le profil et déposera le dossier.`
              : "L'établissement est inscrit."
          }
        />
      ) : null}
      {arrival ? (
        // Keyed by the action's stamp: a second removal in a row remounts it, so it takes the focus again.
        <ArrivalNotice key={query[arrival]} message={ARRIVAL_MESSAGES[arrival]} />
      ) : null}
      {establishment.memberships.length === 0 ? (
        <p>
          Personne n&apos;est encore membre de l&apos;établissement : la personne invitée à la direction le deviendra en acceptant son
          invitation.
        </p>
      ) : (
        <>
          {/* Said only beside a « Rétablir l'accès » button: a director alone in the team has none. */}
          {canRemove && establishment.memberships.some((membership) => canRecover(membership.user)) ? (
            <p>
              Si une personne de l&apos;équipe a perdu sa clé d&apos;accès, « Rétablir l&apos;accès » lui envoie par courriel un lien pour
              en enregistrer une nouvelle.
            </p>
          ) : null}
          {lastDirector ? <p>{LAST_DIRECTOR_STAYS_NOTICE}</p> : null}
          <DataTable caption="Membres de l'établissement" multiline>
            <thead>
              <tr>
                <th scope="col">Nom</th>
                <th scope="col">Adresse électronique</th>
                <th scope="col">Rôle</th>
                <th scope="col">Depuis le</th>
                {hasActions ? <th scope="col">Actions</th> : null}
              </tr>
            </thead>
            <tbody>
              {establishment.memberships.map((membership) => (
                <tr key={membership.user.id}>
                  <td>{membership.user.displayName}</td>
                  <td>{membership.user.email}</td>
                  <td>{MEMBERSHIP_ROLE_LABELS[membership.role]}</td>
                  <td>{formatParisDate(membership.createdAt)}</td>
                  {hasActions ? (
                    <td>
                      {canChangeRole && membership.user.id !== viewer.userId ? (
                        <ConfirmedActionButton
                          url={`/api/establishments/${establishmentId}/members/${membership.user.id}`}
                          method="PATCH"
                          body={{ role: ROLE_CHANGES[membership.role].role }}
                          question={ROLE_CHANGES[membership.role].question(membership.user.displayName)}
                          done="role"
                        >
                          {ROLE_CHANGES[membership.role].label}
                          <span className="fr-sr-only"> : {membership.user.displayName}</span>
                        </ConfirmedActionButton>
                      ) : null}
                      {!canRemove || membership.user.id === viewer.userId ? null : (
                        <ConfirmedActionButton
                          url={`/api/establishments/${establishmentId}/members/${membership.user.id}`}
                          question={`Retirer ${membership.user.displayName} de l'équipe ? Cette personne n'accédera plus aux dossiers ni à la liste des professionnels de l'établissement.`}
                          done="retrait"
                        >
                          Retirer<span className="fr-sr-only"> {membership.user.displayName} de l&apos;équipe</span>
                        </ConfirmedActionButton>
                      )}
                      {canStepDown && membership.user.id === viewer.userId ? (
                        <ConfirmedActionButton
                          url={`/api/establishments/${establishmentId}/members/${viewer.userId}`}
                          method="PATCH"
                          body={{ role: "EDITOR" }}
                          question={departureQuestion("leave-direction")}
                          done="direction"
                        >
                          Quitter la direction
                        </ConfirmedActionButton>
                      ) : null}
                      {canLeave && membership.user.id === viewer.userId ? (
                        // Their pages are no longer theirs once it is done: the list of their establishments says so.
                        <ConfirmedActionButton
                          url={`/api/establishments/${establishmentId}/membership`}
                          question={departureQuestion("leave-team")}
                          done="depart"
                          returnTo="/etablissements"
                        >
                          Quitter l&apos;équipe
                        </ConfirmedActionButton>
                      ) : null}
                      {canRecover(membership.user) ? (
                        <RecoverAccessButton userId={membership.user.id} name={membership.user.displayName} />
                      ) : null}
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </DataTable>
        </>
      )}
      {establishment.invitations.length > 0 ? (
        <>
          <h2>Invitations en attente</h2>
          <ul>
            {establishment.invitations.map((invitation) => (
              <li key={invitation.id}>
                {invitation.email} ({MEMBERSHIP_ROLE_LABELS[invitation.membershipRole ?? "EDITOR"].toLowerCase()}) – valable jusqu&apos;au{" "}
                {formatParisDateTime(invitation.expiresAt)}{" "}
                {canCancelInvitation(viewer, { purpose: "MEMBER", establishmentId, membershipRole: invitation.membershipRole }) ? (
                  <CancelInvitationButton invitationId={invitation.id} email={invitation.email} />
                ) : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {canInvite ? (
        <section className={fr.cx("fr-mt-6w")}>
          <h2>Inviter une ou un collègue</h2>
          <p>La personne invitée pourra compléter les dossiers et la liste des professionnels de l&apos;établissement.</p>
          <MemberInvitationForm establishmentId={establishmentId} roles={roles} />
        </section>
      ) : null}
    </>
  );
}
