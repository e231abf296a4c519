"use client";

import { fr } from "@codegouvfr/react-dsfr";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { signOut } from "next-auth/react";

/**
 * Ends the session on the server (next-auth revokes it through our sessions table) and goes home.
 * `small`: the button of « Mon compte »'s row for this session, rather than the header's.
 */
export function SignOutButton({ small = false }: { small?: boolean }) {
  const signOutHome = () => void signOut({ callbackUrl: "/" });
  return small ? (
    <Button size="small" priority="secondary" onClick={signOutHome}>
      Se déconnecter
    </Button>
  ) : (
    <button type="button" className={fr.cx("fr-btn", "fr-icon-logout-box-r-line")} onClick={signOutHome}>
      Se déconnecter
    </button>
  );
}
