import type { AuthMethod } from "@/lib/db/generated/enums";
import { capitalize } from "@/lib/format/capitalize";

/** How a session was opened, after « Connexion par ». */
export const AUTH_METHOD_LABELS: Readonly<Record<AuthMethod, string>> = {
  PASSKEY: "clé d'accès",
  PRO_SANTE_CONNECT: "Pro Santé Connect",
  DEMO_LINK: "lien de démonstration",
};

/**
 * What opened a session, in « Mon compte »'s list: the key by the name its owner gave it, else the
 * way in (a session that does not record its key was opened before sessions did).
 */
export function sessionOpenedWith(
  session: { method: AuthMethod; credentialId: string | null },
  keyNames: ReadonlyMap<string, string>,
): string {
  const keyName = session.credentialId ? keyNames.get(session.credentialId) : undefined;
  if (keyName) return `Clé « ${keyName} »`;
  return capitalize(AUTH_METHOD_LABELS[session.method]);
}
