import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import type { Metadata } from "next";
import { cache } from "react";
import { LinkKeyRegistration } from "@/components/identity/link-key-registration";
import { OtherAccountNotice } from "@/components/identity/other-account-notice";
import { ACCESS_RECOVERY_STATUS_MESSAGES, findAccessRecovery } from "@/lib/identity/access-recovery";
import { getViewer } from "@/lib/identity/current-viewer";

type Props = { params: Promise<{ token: string }> };

/** The page and its title read the link once (React's `cache`). */
const loadAccessRecovery = cache((token: string) => findAccessRecovery(token));

// RGAA 8.6: a link that can no longer be used says so from the title.
export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { status } = await loadAccessRecovery((await params).token);
  return { title: status === "valid" ? "Rétablir votre accès" : "Lien inutilisable – Rétablir votre accès" };
}

/**
 * A person who lost their keys registers a new one through the link sent to them (ADR 0034). Opened
 * while signed in as someone else, it asks to sign out first: the sign-in that follows the new key
 * would otherwise switch accounts without a word.
 */
export default async function AccessRecoveryPage({ params }: Props) {
  const { token } = await params;
  const { status, recovery } = await loadAccessRecovery(token);
  const viewer = await getViewer();

  return (
    <div className={fr.cx("fr-grid-row", "fr-grid-row--center")}>
      <div className={fr.cx("fr-col-12", "fr-col-md-8")}>
        <h1>Rétablir votre accès</h1>
        {status !== "valid" || !recovery ? (
          <Alert
            as="h2"
            severity="error"
            title="Lien inutilisable"
            description={ACCESS_RECOVERY_STATUS_MESSAGES[status as Exclude<typeof status, "valid">]}
          />
        ) : viewer && viewer.userId !== recovery.userId ? (
          <OtherAccountNotice
            signedInAs={viewer.email}
            linkFor={recovery.user.email}
            linkPath={`/recuperation/${encodeURIComponent(token)}`}
          />
        ) : (
          <>
            <p>
              Enregistrez une nouvelle clé d&apos;accès pour le compte <strong>{recovery.user.email}</strong> : une clé de sécurité FIDO2 ou
              l&apos;authentificateur de votre ordinateur ou téléphone (Windows Hello, Touch ID, Android).
            </p>
            <Alert
              severity="warning"
              small
              description="En l'enregistrant, vous retirez de votre compte toutes vos clés actuelles (la clé perdue ne pourra plus servir) et fermez vos sessions ouvertes."
              className={fr.cx("fr-mb-3w")}
            />
            <LinkKeyRegistration link={{ kind: "recovery", token }} email={recovery.user.email} />
          </>
        )}
      </div>
    </div>
  );
}
