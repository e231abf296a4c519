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
import { safeReturnPath } from "@/lib/identity/return-path";
import { signInErrorMessage } from "@/lib/identity/sign-in-errors";
import { sessionEndNotice } from "@/lib/identity/sign-in-messages";

type SignInQuery = Record<string, string | undefined>;

// RGAA 8.6: a return refused (Pro Santé Connect, rate limit) is said by the title too.
export async function generateMetadata({ searchParams }: { searchParams: Promise<SignInQuery> }): Promise<Metadata> {
  const query = await searchParams;
  return { title: signInErrorMessage(query.erreur ?? query.error) ? "Connexion impossible – Se connecter" : "Se connecter" };
}

export default async function SignInPage({ searchParams }: { searchParams: Promise<SignInQuery> }) {
  const query = await searchParams;
  const returnTo = safeReturnPath(query.retour ?? query.callbackUrl);
  if (await getViewer()) redirect(returnTo);
  const errorCode = query.erreur ?? query.error;
  const error = signInErrorMessage(errorCode);
  const pscEnabled = proSanteConnectEnabled();
  const ended = sessionEndNotice(query.fin);

  return (
    <div className={fr.cx("fr-grid-row", "fr-grid-row--center")}>
      <div className={fr.cx("fr-col-12", "fr-col-md-10", "fr-col-lg-8")}>
        <h1>Se connecter à HospiConnect</h1>
        <p>Aucun mot de passe n&apos;est utilisé : vous vous connectez avec un moyen d&apos;authentification à double facteur.</p>
        {error ? (
          // The person comes back from Pro Santé Connect or a refused attempt: told first, by the focus.
          <FocusOnArrival>
            <QuietAlert as="h2" severity="error" title="Connexion impossible" description={error} className={fr.cx("fr-mb-4w")} />
          </FocusOnArrival>
        ) : null}
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
