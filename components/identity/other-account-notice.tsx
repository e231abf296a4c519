import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { SignOutToUseLink } from "./sign-out-to-use-link";

/**
 * A link meant for one person (an invitation, an access recovery) opened while signed in as
 * someone else: using it would switch accounts without a word, so the page asks to sign out first
 * and brings the person back to the link.
 */
export function OtherAccountNotice({ signedInAs, linkFor, linkPath }: { signedInAs: string; linkFor: string; linkPath: string }) {
  return (
    <>
      <Alert
        as="h2"
        severity="warning"
        title="Vous êtes connecté(e) avec un autre compte"
        description={`Vous êtes connecté(e) en tant que ${signedInAs} ; ce lien concerne ${linkFor} : déconnectez-vous d'abord.`}
        className={fr.cx("fr-mb-3w")}
      />
      <SignOutToUseLink linkPath={linkPath} />
    </>
  );
}
