import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import type { Metadata } from "next";
import { InvitationAcceptance } from "@/components/identity/invitation-acceptance";
import { PscSignInButton } from "@/components/identity/psc-sign-in-button";
import { env } from "@/lib/config/env";
import { findInvitation, INVITATION_STATUS_MESSAGES, STAFF_ROLE_LABELS } from "@/lib/identity/invitations";

export const metadata: Metadata = { title: "Activer votre compte" };

export default async function InvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const { status, invitation } = await findInvitation(token);
  const pscEnabled = Boolean(env.PSC_ISSUER && env.PSC_CLIENT_ID);

  return (
    <div className={fr.cx("fr-grid-row", "fr-grid-row--center")}>
      <div className={fr.cx("fr-col-12", "fr-col-md-8")}>
        <h1>Activer votre compte HospiConnect</h1>
        {status !== "valid" || !invitation ? (
          <Alert severity="error" title="Invitation inutilisable" description={INVITATION_STATUS_MESSAGES[status as Exclude<typeof status, "valid">]} />
        ) : (
          <>
            <p>
              Invitation pour <strong>{invitation.email}</strong>, en tant que{" "}
              {invitation.staffRole ? STAFF_ROLE_LABELS[invitation.staffRole] : <>membre de « {invitation.establishment?.name} »</>}.
            </p>
            {invitation.purpose === "MEMBER" && pscEnabled ? (
              <section className={fr.cx("fr-mb-4w")}>
                <h2 className={fr.cx("fr-h5")}>Vous avez une e-CPS ou une carte CPS</h2>
                <PscSignInButton returnTo="/" invitationToken={token} />
              </section>
            ) : null}
            <section>
              <h2 className={fr.cx("fr-h5")}>Enregistrer une clé d&apos;accès</h2>
              <p>
                Utilisez une clé de sécurité FIDO2 ou l&apos;authentificateur de votre ordinateur ou téléphone (Windows Hello, Touch ID,
                Android). Vous pourrez ensuite ajouter une clé de secours depuis « Mon compte ».
              </p>
              <InvitationAcceptance token={token} email={invitation.email} />
            </section>
          </>
        )}
      </div>
    </div>
  );
}
