import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import type { Metadata } from "next";
import { DemoSignInButton } from "@/components/identity/demo-sign-in-button";
import { describeDemoSignInLink } from "@/lib/identity/demo-sign-in";

export const metadata: Metadata = { title: "Connexion de démonstration" };

const ROLE_LABELS = {
  PROGRAMME_MANAGER: "chargée ou chargé de programme (ANS)",
  REVIEWER: "instructrice ou instructeur (ANS)",
  REGIONAL_REVIEWER: "instructrice ou instructeur d'une ARS",
} as const;

/** Shows who a demo link signs in; signing in is a POST (the button), never this GET. */
export default async function DemoSignInPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const user = await describeDemoSignInLink(token);
  return (
    <div className={fr.cx("fr-grid-row", "fr-grid-row--center")}>
      <div className={fr.cx("fr-col-12", "fr-col-md-8")}>
        <h1>Connexion de démonstration</h1>
        {user ? (
          <>
            <p>
              Ce lien à usage unique vous connecte en tant que <strong>{user.displayName}</strong> ({user.email}),{" "}
              {user.staffRole ? ROLE_LABELS[user.staffRole] : "direction d'établissement"}.
            </p>
            <DemoSignInButton token={token} label={`Se connecter en tant que ${user.displayName}`} />
          </>
        ) : (
          <Alert
            as="h2"
            severity="warning"
            title="Lien inutilisable"
            description="Ce lien de démonstration a déjà servi, a expiré, ou le mode démonstration est désactivé. Redémarrez l'application (npm start) pour obtenir de nouveaux liens."
          />
        )}
      </div>
    </div>
  );
}
