import { cookies } from "next/headers";
import type { OAuthConfig } from "next-auth/providers/oauth";
import type { User } from "next-auth";
import { recordAudit } from "@/lib/audit/record-audit";
import { env } from "@/lib/config/env";
import { db } from "@/lib/db/client";
import { rppsFromNationalId } from "@/lib/identifiers/rpps";
import { INVITATION_COOKIE } from "./invitation-cookie";
import { nameFromPsc } from "./psc-name";
import { hashToken } from "./tokens";
import { usableLinkWhere } from "./single-use-link";

/**
 * Establishment members sign in with Pro Santé Connect (OpenID Connect, authorization code flow
 * with PKCE, state and nonce; openid-client checks the ID token's issuer, audience, signature and
 * nonce). The national identifier (8 + RPPS) links the person to their account and memberships.
 */
export type PscRejection = "no-rpps" | "unknown-rpps" | "weak-acr";

export type PscUser = User & { pscRejection?: PscRejection; rpps?: string };

export const PSC_REJECTION_MESSAGES: Readonly<Record<PscRejection, string>> = {
  "no-rpps": "Pro Santé Connect n'a pas transmis votre identifiant RPPS : la connexion est impossible.",
  "unknown-rpps":
    "Aucun compte HospiConnect n'est associé à votre identifiant RPPS. Demandez à la direction de votre établissement de vous inviter, puis ouvrez le lien de l'invitation.",
  "weak-acr":
    "Connexion refusée : Pro Santé Connect doit être utilisé avec un moyen d'authentification à double facteur (e-CPS ou carte CPS).",
};

function acceptedAcr(): string[] {
  return env.PSC_ACR_VALUES.split(/\s+/).filter(Boolean);
}

/**
 * Finds the account of this RPPS, or creates it from a member invitation opened in this browser,
 * named as PSC names the person (its address when PSC sends no usable name).
 */
async function linkAccount(rpps: string, name: string | null): Promise<string | null> {
  const user = await db.user.findUnique({ where: { rpps }, select: { id: true, disabledAt: true } });
  if (user) return user.disabledAt ? null : user.id;

  const token = (await cookies()).get(INVITATION_COOKIE)?.value;
  if (!token) return null;
  return db.$transaction(async (tx) => {
    const invitation = await tx.invitation.findUnique({
      where: { tokenHash: hashToken(token) },
      select: { id: true, email: true, purpose: true, establishmentId: true, membershipRole: true, usedAt: true, expiresAt: true },
    });
    if (!invitation || invitation.purpose !== "MEMBER" || !invitation.establishmentId || !invitation.membershipRole) return null;
    // An address that has an account accepts its invitations signed in with it (accept-invitation-with-account.ts).
    if ((await tx.user.count({ where: { email: invitation.email } })) > 0) return null;
    const claimed = await tx.invitation.updateMany({
      where: { id: invitation.id, ...usableLinkWhere(new Date()) },
      data: { usedAt: new Date() },
    });
    if (claimed.count !== 1) return null;
    const created = await tx.user.create({
      data: {
        email: invitation.email,
        displayName: name ?? invitation.email,
        rpps,
        memberships: { create: { establishmentId: invitation.establishmentId, role: invitation.membershipRole } },
      },
      select: { id: true },
    });
    await tx.invitation.update({ where: { id: invitation.id }, data: { acceptedById: created.id } });
    await recordAudit(tx, {
      actor: { id: created.id, label: invitation.email },
      action: "invitation.accepted",
      target: { type: "Invitation", id: invitation.id },
      details: { method: "PRO_SANTE_CONNECT", establishmentId: invitation.establishmentId },
    });
    return created.id;
  });
}

/** The ID token's claims; openid-client has already verified its signature, issuer, audience and nonce. */
function idTokenClaims(idToken: unknown): Record<string, unknown> {
  if (typeof idToken !== "string") return {};
  const payload = idToken.split(".")[1];
  return payload ? (JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as Record<string, unknown>) : {};
}

export function proSanteConnectProvider(): OAuthConfig<Record<string, unknown>> | null {
  if (!env.PSC_ISSUER || !env.PSC_CLIENT_ID) return null;
  return {
    id: "pro-sante-connect",
    name: "Pro Santé Connect",
    type: "oauth",
    wellKnown: new URL(".well-known/openid-configuration", env.PSC_ISSUER.endsWith("/") ? env.PSC_ISSUER : `${env.PSC_ISSUER}/`).toString(),
    clientId: env.PSC_CLIENT_ID,
    clientSecret: env.PSC_CLIENT_SECRET ?? "",
    authorization: { params: { scope: env.PSC_SCOPES, acr_values: env.PSC_ACR_VALUES } },
    checks: ["pkce", "state", "nonce"],
    // The ID token is verified (signature, issuer, audience, nonce) and carries `acr`; PSC puts the
    // national identifier in UserInfo, fetched with the access token.
    idToken: true,
    userinfo: { request: ({ client, tokens }) => client.userinfo(String(tokens.access_token)) },
    async profile(profile, tokens): Promise<PscUser> {
      const idToken = idTokenClaims(tokens.id_token);
      const claims = { ...idToken, ...profile };
      const acr = idToken.acr;
      const nationalId = claims[env.PSC_RPPS_CLAIM];
      const rpps = typeof nationalId === "string" ? rppsFromNationalId(nationalId) : null;
      if (!acr || !acceptedAcr().includes(String(acr))) return { id: "rejected", pscRejection: "weak-acr", rpps: rpps ?? undefined };
      if (!rpps) return { id: "rejected", pscRejection: "no-rpps" };
      const userId = await linkAccount(rpps, nameFromPsc(claims));
      return userId ? { id: userId, rpps } : { id: "rejected", pscRejection: "unknown-rpps", rpps };
    },
  };
}
