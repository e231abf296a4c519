import { env } from "@/lib/config/env";
import { INVITATION_COOKIE, INVITATION_COOKIE_MAX_AGE_SECONDS } from "./invitation-cookie";

/** A cookie or stored item the service sets, as the cookies page describes it. */
export type StoredItem = { name: string; purpose: string; lifetime: string };

const minutes = (count: number) => `${count} minutes`;

/**
 * Every cookie the service sets (next-auth's under their names without the `__Secure-` or
 * `__Host-` prefix they take over HTTPS), all strictly necessary: the end-to-end test signs in and
 * checks that each cookie the browser holds is listed here.
 */
export function serviceCookies(): StoredItem[] {
  return [
    {
      name: "next-auth.session-token",
      purpose: "Votre session, une fois connecté : elle vous identifie auprès du service, chiffrée.",
      lifetime: `${minutes(env.SESSION_IDLE_MINUTES)} sans activité, ${minutes(env.SESSION_LIFETIME_MINUTES)} au plus ; supprimé à la déconnexion`,
    },
    {
      name: "next-auth.csrf-token",
      purpose: "Protège la connexion et la déconnexion contre les requêtes envoyées par un autre site.",
      lifetime: "Jusqu'à la fermeture du navigateur",
    },
    {
      name: "next-auth.callback-url",
      purpose: "La page où vous revenez après la connexion.",
      lifetime: "Jusqu'à la fermeture du navigateur",
    },
    {
      name: "next-auth.pkce.code_verifier, next-auth.state, next-auth.nonce",
      purpose: "Sécurisent l'échange avec Pro Santé Connect pendant une connexion par e-CPS ou carte CPS.",
      lifetime: "15 minutes",
    },
    {
      name: INVITATION_COOKIE,
      purpose: "L'invitation que vous acceptez avec Pro Santé Connect, le temps de cette connexion.",
      lifetime: minutes(INVITATION_COOKIE_MAX_AGE_SECONDS / 60),
    },
  ];
}

/** What the service keeps in the browser's local storage (never sent to the server by itself). */
export const LOCAL_STORAGE_ITEMS: readonly StoredItem[] = [
  {
    name: "hc-brouillon:…, hc-evaluation:…",
    purpose: "Vos saisies d'un dossier ou d'une évaluation pas encore enregistrées, pour ne pas les perdre si la connexion coupe.",
    lifetime: "Jusqu'à leur enregistrement",
  },
  {
    name: "scheme",
    purpose: "Le thème d'affichage choisi (clair, sombre ou celui du système), dans les paramètres d'affichage.",
    lifetime: "Jusqu'à ce que vous en changiez",
  },
];
