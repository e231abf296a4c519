import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { PasskeySignInButton } from "@/components/identity/passkey-sign-in-button";
import { PscSignInButton } from "@/components/identity/psc-sign-in-button";
import { FocusOnArrival } from "@/components/forms/focus-on-arrival";
import { QuietAlert } from "@/components/forms/quiet-alert";
import { isDemoMode, proSanteConnectEnabled } from "@/lib/config/env";
import { getViewer } from "@/lib/identity/current-viewer";
import { PSC_REJECTION_MESSAGES, type PscRejection } from "@/lib/identity/pro-sante-connect";
import { safeReturnPath } from "@/lib/identity/return-path";
import { SIGN_IN_RATE_LIMITED, sessionEndNotice } from "@/lib/identity/sign-in-messages";

export const metadata: Metadata = { title: "Se connecter" };

const ERROR_MESSAGES: Record<string, string> = {
  ...PSC_REJECTION_MESSAGES,
  OAuthSignin: "La connexion à Pro Santé Connect n'a pas pu démarrer. Réessayez dans quelques instants.",
  OAuthCallback: "Le retour de Pro Santé Connect n'a pas pu être vérifié. Recommencez la connexion.",
  Callback: "La connexion n'a pas abouti. Recommencez.",
  AccessDenied: "Connexion refusée.",
  SessionRequired: "Connectez-vous pour accéder à cette page.",
  "trop-de-tentatives": SIGN_IN_RATE_LIMITED,
};

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const query = await searchParams;
  const returnTo = safeReturnPath(query.retour ?? query.callbackUrl);
  if (await getViewer()) redirect(returnTo);
  const errorCode = query.erreur ?? query.error;
  const error = errorCode ? (ERROR_MESSAGES[errorCode as PscRejection] ?? "La connexion n'a pas abouti. Recommencez.") : null;
  const pscEnabled = proSanteConnectEnabled();
  const ended = sessionEndNotice(query.fin);

  return (
    <div className={fr.cx("fr-grid-row", "fr-grid-row--center")}>
      <div className={fr.cx("fr-col-12", "fr-col-md-10", "fr-col-lg-8")}>
        <h1>Se connecter à HospiConnect</h1>
        <p>Aucun mot de passe n&apos;est utilisé : vous vous connectez avec un moyen d&apos;authentification à double facteur.</p>
        {error ? <Alert as="h2" severity="error" title="Connexion impossible" description={error} className={fr.cx("fr-mb-4w")} /> : null}
        {ended ? (
          // The person arrives here from « Mon compte », where the button they pressed is gone: the notice takes the focus.
          <FocusOnArrival>
            <QuietAlert as="h2" severity="info" title="Session fermée" description={ended} className={fr.cx("fr-mb-4w")} />
          </FocusOnArrival>
        ) : null}
        {isDemoMode() ? (
          <Alert
            as="h2"
            severity="info"
            title="Mode démonstration"
            description="Des liens de connexion à usage unique pour chaque rôle (direction d'établissement, instruction, pilotage) sont affichés dans le terminal au démarrage de l'application (npm start)."
            className={fr.cx("fr-mb-4w")}
          />
        ) : null}

        <section className={fr.cx("fr-mb-6w")} aria-labelledby="etablissements">
          <h2 id="etablissements" className={fr.cx("fr-h4")}>
            Vous représentez un établissement
          </h2>
          {pscEnabled ? (
            <>
              <p>Identifiez-vous avec votre e-CPS ou votre carte CPS.</p>
              <PscSignInButton returnTo={returnTo} />
              <p className={fr.cx("fr-mt-3w", "fr-text--sm")}>
                Pas encore d&apos;e-CPS ? Utilisez la clé d&apos;accès enregistrée lors de votre invitation :
              </p>
            </>
          ) : (
            <p>Utilisez la clé d&apos;accès (passkey ou clé de sécurité FIDO2) enregistrée lors de votre invitation.</p>
          )}
          <PasskeySignInButton
            returnTo={returnTo}
            lostKeyHint={
              <p className={fr.cx("fr-mt-3w", "fr-text--sm")}>
                Clé perdue ? Demandez à la direction de votre établissement (ou, si vous êtes la direction, à l&apos;équipe HospiConnect de
                l&apos;ANS) de rétablir votre accès : vous recevrez un lien pour enregistrer une nouvelle clé.
              </p>
            }
          />
        </section>

        <section aria-labelledby="ans">
          <h2 id="ans" className={fr.cx("fr-h4")}>
            Vous êtes agent de l&apos;ANS ou d&apos;une ARS
          </h2>
          <p>Connectez-vous avec votre clé d&apos;accès (passkey) ou votre clé de sécurité FIDO2.</p>
          <PasskeySignInButton
            returnTo={returnTo}
            lostKeyHint={
              <p className={fr.cx("fr-mt-3w", "fr-text--sm")}>
                Clé perdue ? Demandez à l&apos;équipe HospiConnect de l&apos;ANS de rétablir votre accès : vous recevrez un lien pour
                enregistrer une nouvelle clé.
              </p>
            }
          />
        </section>
      </div>
    </div>
  );
}
