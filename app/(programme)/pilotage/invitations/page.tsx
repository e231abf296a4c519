import { fr } from "@codegouvfr/react-dsfr";
import { DataTable } from "@/components/dsfr/data-table";
import { Badge } from "@/components/dsfr/badge";
import type { Metadata } from "next";
import { StaffInvitationForm } from "@/components/identity/staff-invitation-form";
import { requireViewer } from "@/lib/identity/current-viewer";
import { listStaffInvitations } from "@/lib/identity/invitation-list";
import { STAFF_ROLE_LABELS } from "@/lib/identity/staff-role-labels";
import { guardPage } from "@/lib/http/page-guard";
import { formatParisDateTime } from "@/lib/time/paris";

export const metadata: Metadata = { title: "Inviter des agents de l'ANS" };

export default async function InvitationsPage() {
  const viewer = await requireViewer("/pilotage/invitations");
  const invitations = await guardPage(viewer, "/pilotage/invitations", () => listStaffInvitations(viewer));
  const now = new Date();

  return (
    <>
      <h1>Inviter des agents de l&apos;ANS</h1>
      <div className={fr.cx("fr-grid-row", "fr-grid-row--gutters")}>
        <div className={fr.cx("fr-col-12", "fr-col-md-5")}>
          <StaffInvitationForm />
        </div>
        <div className={fr.cx("fr-col-12", "fr-col-md-7")}>
          {invitations.length === 0 ? (
            <p>Aucune invitation envoyée pour l&apos;instant.</p>
          ) : (
            <DataTable caption="Invitations envoyées">
              <thead>
                <tr>
                  <th scope="col">Adresse</th>
                  <th scope="col">Rôle</th>
                  <th scope="col">État</th>
                  <th scope="col">Envoyée le</th>
                </tr>
              </thead>
              <tbody>
                {invitations.map((invitation) => (
                  <tr key={invitation.id}>
                    <td>{invitation.email}</td>
                    <td>{invitation.staffRole ? STAFF_ROLE_LABELS[invitation.staffRole] : "–"}</td>
                    <td>
                      {invitation.usedAt ? (
                        <Badge severity="success" small>
                          Acceptée
                        </Badge>
                      ) : invitation.supersededAt ? (
                        <Badge small>Remplacée par une plus récente</Badge>
                      ) : invitation.expiresAt <= now ? (
                        <Badge severity="warning" small>
                          Expirée
                        </Badge>
                      ) : (
                        <Badge severity="info" small>
                          En attente
                        </Badge>
                      )}
                    </td>
                    <td>
                      {formatParisDateTime(invitation.createdAt)}
                      {invitation.invitedBy ? ` par ${invitation.invitedBy.displayName}` : " (ligne de commande)"}
                    </td>
                  </tr>
                ))}
              </tbody>
            </DataTable>
          )}
        </div>
      </div>
    </>
  );
}
