"use client";

import { Button } from "@codegouvfr/react-dsfr/Button";
import { signOut } from "next-auth/react";

/** Ends the current session and comes back to the link, which then opens for the person it concerns. */
export function SignOutToUseLink({ linkPath }: { linkPath: string }) {
  return (
    <Button iconId="fr-icon-logout-box-r-line" iconPosition="left" onClick={() => void signOut({ callbackUrl: linkPath })}>
      Se déconnecter pour utiliser ce lien
    </Button>
  );
}
