import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import type { Metadata, Route } from "next";
import { cache } from "react";
import { AcceptInvitationButton } from "@/components/identity/accept-invitation-button";
import { LinkKeyRegistration } from "@/components/identity/link-key-registration";
import { OtherAccountNotice } from "@/components/identity/other-account-notice";
import { PscSignInButton } from "@/components/identity/psc-sign-in-button";
import { proSanteConnectEnabled } from "@/lib/config/env";
import { getViewer } from "@/lib/identity/current-viewer";
import { invitationSignInMeans } from "@/lib/identity/invitation-sign-in-means";
import { acceptanceRefusal, findInvitation, invitationStatusMessage } from "@/lib/identity/invitations";
import { STAFF_ROLE_LABELS } from "@/lib/identity/staff-role-labels";
import { asRole } from "@/lib/format/elision";
import { invitedMemberRole } from "@/lib/establishments/membership-role-labels";

type Props = { params: Promise<{ token: string }> };

/** The page and its title read the invitation once (React's `cache`). */
const loadInvitation = cache(findInvitation);

/**
 * Someone who already has an account accepts an invitation; a newcomer activates their account.
 * Opened while signed in as someone else, it asks to sign out first (`OtherAccountNotice`).
 */
export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { status, invitation, accountExists } = await loadInvitation((await params).token);
  const title = accountExists ? "Accepter votre invitation" : "Activer votre compte";
  // RGAA 8.6: an invitation that can no longer be used says so from the title.
  return { title: status === "valid" && invitation ? title : `Invitation inutilisable – ${title}` };
}

export default async function InvitationPage({ params }: Props) {
  const { token } = await params;
  const { status, invitation, accountExists } = await loadInvitation(token);
  const viewer = await getViewer();
  const isInvitee = Boolean(viewer && invitation && viewer.email.toLowerCase() === invitation.email);
  // What the acceptance would refuse, said before the button is pressed rather than after.
  // The e-mail's words (invitationEmail): Pro Santé Connect for a member when it is configured.
  const means = invitationSignInMeans(invitation?.purpose === "MEMBER" && proSanteConnectEnabled());
  const refusal = viewer && invitation && status === "valid" && isInvitee ? await acceptanceRefusal(viewer, invitation.purpose) : null;

  return (
    <div className={fr.cx("fr-grid-row", "fr-grid-row--center")}>
      <div className={fr.cx("fr-col-12", "fr-col-md-8")}>
        <h1>{accountExists ? "Accepter votre invitation" : "Activer votre compte HospiConnect"}</h1>
        {status !== "valid" || !invitation ? (
          <Alert
            as="h2"
            severity="error"
            title="Invitation inutilisable"
            description={invitationStatusMessage(status as Exclude<typeof status, "valid">, invitation)}
          />
        ) : (
          <>
            <p>
              Invitation pour <strong>{invitation.email}</strong>,{" "}
              {asRole(
                invitation.staffRole
                  ? STAFF_ROLE_LABELS[invitation.staffRole]
                  : invitedMemberRole(invitation.establishment?.name ?? "", invitation.membershipRole ?? "EDITOR"),
              )}
              .
            </p>
            {viewer && !isInvitee ? (
              <OtherAccountNotice
                signedInAs={viewer.email}
                linkFor={invitation.email}
                linkPath={`/invitation/${encodeURIComponent(token)}`}
              />
            ) : accountExists ? (
              refusal ? (
                <Alert as="h2" severity="warning" title="Ce compte ne peut pas accepter cette invitation" description={refusal} />
              ) : isInvitee ? (
                <AcceptInvitationButton
                  token={token}
                  label={invitation.establishment ? `Rejoindre « ${invitation.establishment.name} »` : "Accepter l'invitation"}
                />
              ) : (
                <>
                  <Alert
                    as="h2"
                    severity="info"
                    title="Vous avez déjà un compte"
                    description={`Un compte HospiConnect existe déjà pour ${invitation.email} : connectez-vous avec ce compte (et non un autre), vous reviendrez ensuite ici pour accepter l'invitation.`}
                    className={fr.cx("fr-mb-3w")}
                  />
                  <a className={fr.cx("fr-btn")} href={`/connexion?retour=${encodeURIComponent(`/invitation/${token}`)}`}>
                    Se connecter
                  </a>
                </>
              )
            ) : (
              <>
                {means.proSanteConnect ? (
                  <>
                    <p>Ce lien ne peut servir qu&apos;une fois. Choisissez comment vous connecter, sans mot de passe :</p>
                    <section className={fr.cx("fr-mb-4w")}>
                      <h2 className={fr.cx("fr-h5")}>Vous avez une e-CPS ou une carte CPS</h2>
                      <p>Connectez-vous {means.proSanteConnect}.</p>
                      <PscSignInButton returnTo={`/etablissements/${invitation.establishmentId}?bienvenue=psc`} invitationToken={token} />
                    </section>
                  </>
                ) : null}
                <section>
                  <h2 className={fr.cx("fr-h5")}>Enregistrer une clé d&apos;accès</h2>
                  <p>
                    {means.proSanteConnect
                      ? `Sinon, connectez-vous ${means.key} : enregistrez-la ci-dessous.`
                      : `Enregistrez ici ${means.key} : aucun mot de passe n'est utilisé.`}{" "}
                    Vous pourrez ensuite ajouter une clé de secours depuis « Mon compte ».
                  </p>
                  <LinkKeyRegistration
                    link={{ kind: "invitation", token }}
                    email={invitation.email}
                    arrival={
                      invitation.establishmentId ? (`/etablissements/${invitation.establishmentId}?bienvenue=cle` as Route) : undefined
                    }
                  />
                </section>
              </>
            )}
          </>
        )}
      </div>
    </div>
  );
}
