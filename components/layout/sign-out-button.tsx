"use client";

import { fr } from "@codegouvfr/react-dsfr";
import { signOut } from "next-auth/react";

/** Ends the session on the server (next-auth revokes it through our sessions table) and goes home. */
export function SignOutButton() {
  return (
    <button type="button" className={fr.cx("fr-btn", "fr-icon-logout-box-r-line")} onClick={() => signOut({ callbackUrl: "/" })}>
      Se déconnecter
    </button>
  );
}
