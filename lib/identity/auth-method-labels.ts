import type { AuthMethod } from "@/lib/db/generated/enums";

/** How a session was opened, after « Connexion par ». */
export const AUTH_METHOD_LABELS: Readonly<Record<AuthMethod, string>> = {
  PASSKEY: "clé d'accès",
  PRO_SANTE_CONNECT: "Pro Santé Connect",
  DEMO_LINK: "lien de démonstration",
};
