import { fr } from "@codegouvfr/react-dsfr";
import { CancelInvitationButton, INVITATION_CANCELLED } from "@/components/identity/cancel-invitation-button";
import { ArrivalNotice } from "@/components/forms/focus-on-arrival";
import { DataTable } from "@/components/dsfr/data-table";
import { Badge } from "@/components/dsfr/badge";
import { StaffInvitationForm } from "@/components/identity/staff-invitation-form";
import { listStaffInvitations } from "@/lib/identity/invitation-list";
import { STAFF_ROLE_LABELS } from "@/lib/identity/staff-role-labels";
import { type LinkStatus, linkStatus } from "@/lib/identity/single-use-link";
import { guardedTitledPage } from "@/lib/http/page-guard";
import { formatParisDateTime } from "@/lib/time/paris";

const STATUS_BADGES: Record<Exclude<LinkStatus, "unknown">, { label: string; severity?: "success" | "warning" | "info" }> = {
  valid: { label: "En attente", severity: "info" },
  used: { label: "Acceptée", severity: "success" },
  superseded: { label: "Remplacée par une plus récente" },
  cancelled: { label: "Annulée" },
  expired: { label: "Expirée", severity: "warning" },
};

const guarded = guardedTitledPage("/pilotage/invitations", "Inviter des instructeurs et des chargés de programme", (viewer) =>
  listStaffInvitations(viewer),
);
export const generateMetadata = guarded.generateMetadata;

export default async function InvitationsPage({ searchParams }: { searchParams: Promise<{ annulation?: string }> }) {
  const cancelled = (await searchParams).annulation;
  const { record: invitations } = await guarded.load();
  const now = new Date();

  return (
    <>
      <h1>Inviter des instructeurs et des chargés de programme</h1>
      {cancelled ? <ArrivalNotice key={cancelled} message={INVITATION_CANCELLED} /> : null}
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
                  <th scope="col">Action</th>
                </tr>
              </thead>
              <tbody>
                {invitations.map((invitation) => {
                  const status = linkStatus(invitation, now);
                  return (
                    <tr key={invitation.id}>
                      <td>{invitation.email}</td>
                      <td>{invitation.staffRole ? STAFF_ROLE_LABELS[invitation.staffRole] : "–"}</td>
                      <td>
                        <Badge severity={STATUS_BADGES[status].severity} small>
                          {STATUS_BADGES[status].label}
                        </Badge>
                      </td>
                      <td>
                        {formatParisDateTime(invitation.createdAt)}
                        {invitation.invitedBy ? ` par ${invitation.invitedBy.displayName}` : " (ligne de commande)"}
                      </td>
                      <td>
                        {status === "valid" ? <CancelInvitationButton invitationId={invitation.id} email={invitation.email} /> : null}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </DataTable>
          )}
        </div>
      </div>
    </>
  );
}
