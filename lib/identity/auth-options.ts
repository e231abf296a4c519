import { headers } from "next/headers";
import type { NextAuthOptions, Session } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { recordAudit } from "@/lib/audit/record-audit";
import { authSecret, env } from "@/lib/config/env";
import { db } from "@/lib/db/client";
import type { AuthMethod } from "@/lib/db/generated/enums";
import { isAppError } from "@/lib/errors/app-error";
import { clientIp, userAgent } from "@/lib/http/client-info";
import { consumeDemoSignInLink } from "./demo-sign-in";
import { consumeAttempt } from "./rate-limits";
import { PSC_REJECTION_MESSAGES, proSanteConnectProvider, type PscUser } from "./pro-sante-connect";
import { openSession, resumeSessionUser, revokeSession } from "./sessions";
import { SIGN_IN_REFUSED } from "./sign-in-messages";
import { noteSignInRefusal } from "./sign-in-rate-limit";
import { finishPasskeySignIn } from "./webauthn/authentication";

declare module "next-auth" {
  interface Session {
    sid?: string;
  }
  interface User {
    method?: AuthMethod;
    /** The key a passkey sign-in used: the session records it. */
    credentialId?: string;
  }
}
declare module "next-auth/jwt" {
  interface JWT {
    sid?: string;
  }
}

const secureCookies = env.APP_URL.startsWith("https://");
/** next-auth's name for the session cookie (its `__Secure-` prefix over HTTPS). */
export const SESSION_COOKIE = `${secureCookies ? "__Secure-" : ""}next-auth.session-token`;

const passkey = CredentialsProvider({
  id: "passkey",
  name: "Clé d'accès",
  credentials: { challengeId: { type: "text" }, response: { type: "text" } },
  async authorize(credentials, request) {
    const ip = clientIp(request.headers ?? {});
    try {
      const response = JSON.parse(credentials?.response ?? "null");
      const { userId, credentialId } = await finishPasskeySignIn({ challengeId: credentials?.challengeId ?? "", response, ip });
      return { id: userId, method: "PASSKEY", credentialId };
    } catch (error) {
      // next-auth shows `error` as the reason; keep our French message when we have one.
      noteSignInRefusal(error);
      if (isAppError(error)) throw new Error(error.message);
      throw new Error(SIGN_IN_REFUSED);
    }
  },
});

const demoLink = CredentialsProvider({
  id: "demo-link",
  name: "Lien de démonstration",
  credentials: { token: { type: "text" } },
  async authorize(credentials, request) {
    try {
      // The same per-address limit as the other ways in: a demo link is a sign-in too.
      await consumeAttempt("signInPerIp", clientIp(request.headers ?? {}));
    } catch (error) {
      noteSignInRefusal(error);
      if (isAppError(error)) throw new Error(error.message);
      throw error;
    }
    const userId = await consumeDemoSignInLink(credentials?.token ?? "");
    if (!userId) throw new Error("Ce lien de démonstration a déjà servi, a expiré, ou le mode démonstration est désactivé.");
    return { id: userId, method: "DEMO_LINK" };
  },
});

const psc = proSanteConnectProvider();

/** The journal names a person by their address, as `auditActor` does a viewer: the token holds only the account's id. */
async function accountActor(userId: string) {
  const account = await db.user.findUnique({ where: { id: userId }, select: { email: true } });
  return { id: userId, label: account?.email ?? userId };
}

export const authOptions: NextAuthOptions = {
  // Read at request time: building the app needs no secret.
  get secret() {
    return authSecret();
  },
  session: { strategy: "jwt", maxAge: env.SESSION_LIFETIME_MINUTES * 60 },
  jwt: { maxAge: env.SESSION_LIFETIME_MINUTES * 60 },
  useSecureCookies: secureCookies,
  // next-auth's own pages are in English and outside the DSFR: ours instead. There is no e-mail
  // sign-in, so no link « sent » to verify; signing out is a button of « Mon compte ».
  pages: { signIn: "/connexion", error: "/connexion", signOut: "/compte", verifyRequest: "/connexion" },
  providers: [passkey, demoLink, ...(psc ? [psc] : [])],
  callbacks: {
    async signIn({ user, account }) {
      const rejection = (user as PscUser).pscRejection;
      if (account?.provider === "pro-sante-connect" && rejection) {
        const requestHeaders = await headers();
        await recordAudit(db, {
          actor: { id: null, label: (user as PscUser).rpps ? `RPPS ${(user as PscUser).rpps}` : "anonyme" },
          action: "auth.sign_in_failed",
          ip: clientIp(requestHeaders),
          details: { method: "PRO_SANTE_CONNECT", reason: rejection, message: PSC_REJECTION_MESSAGES[rejection] },
        });
        return `/connexion?erreur=${rejection}`;
      }
      return true;
    },
    async jwt({ token, user, account }) {
      if (user) {
        // A sign-in: a new server-side session, so the session identifier changes at every sign-in.
        const method: AuthMethod = account?.provider === "pro-sante-connect" ? "PRO_SANTE_CONNECT" : (user.method ?? "PASSKEY");
        const requestHeaders = await headers();
        const ip = clientIp(requestHeaders);
        token.sid = await openSession(user.id, method, { ip, userAgent: userAgent(requestHeaders), credentialId: user.credentialId });
        token.sub = user.id;
        await recordAudit(db, {
          actor: await accountActor(user.id),
          action: "auth.sign_in",
          target: { type: "Session", id: token.sid },
          ip,
          details: { method },
        });
      }
      return token;
    },
    /**
     * `/api/auth/session`: the cookie's JWT alone would answer for a session closed since (signed
     * out elsewhere, closed from « Mon compte », idle, past its lifetime, an account closed); such a
     * session, or one the database does not know, answers as nobody signed in does, `{}`, as the
     * pages do (getViewer).
     */
    async session({ session, token }) {
      const user = token.sid ? await resumeSessionUser(token.sid) : null;
      if (!user || user.disabledAt) return {} as Session;
      return { expires: session.expires, sid: token.sid };
    },
  },
  events: {
    async signOut({ token }) {
      if (!token?.sid) return;
      await revokeSession(token.sid);
      const requestHeaders = await headers();
      await recordAudit(db, {
        actor: token.sub ? await accountActor(token.sub) : { id: null, label: "anonyme" },
        action: "auth.sign_out",
        target: { type: "Session", id: token.sid },
        ip: clientIp(requestHeaders),
      });
    },
  },
};
