import type { Viewer } from "@/lib/access/viewer";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { hashToken } from "@/lib/identity/tokens";
import { apiTokenOwnState, bearerToken } from "./token-rules";

/** Who calls the API: the token (for the audit and the rate limit) and its owner as a viewer (for the policy). */
export type ApiCaller = { token: ApiTokenRef; scopes: readonly string[]; viewer: Viewer };

const REFUSALS = {
  missing: "Jeton d'accès manquant : envoyez l'en-tête « Authorization: Bearer <jeton> ».",
  malformed: "En-tête « Authorization » mal formé : envoyez « Authorization: Bearer <jeton> », le jeton sans espace.",
  unknown: "Jeton d'accès inconnu.",
  expired: "Ce jeton d'accès a expiré : demandez-en un nouveau à un chargé de programme.",
  revoked: "Ce jeton d'accès a été révoqué.",
  disabled: "Le compte qui a créé ce jeton d'accès est désactivé.",
} as const;

/** The token an audit entry names: its id and its owner. */
export type ApiTokenRef = { id: string; ownerId: string; ownerEmail: string };

/** A 401 that still says, for the audit, which stored token was refused (expired, revoked…). */
export class ApiTokenRefused extends AppError {
  constructor(
    readonly reason: keyof typeof REFUSALS,
    readonly token: ApiTokenRef | null = null,
  ) {
    super("UNAUTHENTICATED", REFUSALS[reason], { details: { reason } });
  }
}

/**
 * The caller of a request's `Authorization` header, or a 401 whose French message says why
 * (missing, malformed, unknown, expired, revoked, owner's account disabled). Found by the token's
 * hash: the secret is never stored.
 */
export async function authenticateApiToken(authorization: string | null, now = new Date()): Promise<ApiCaller> {
  const token = bearerToken(authorization);
  if (!token) throw new ApiTokenRefused(authorization === null || authorization.trim() === "" ? "missing" : "malformed");
  const row = await db.apiToken.findUnique({
    where: { tokenHash: hashToken(token) },
    select: {
      id: true,
      scopes: true,
      expiresAt: true,
      revokedAt: true,
      owner: {
        select: {
          id: true,
          email: true,
          displayName: true,
          staffRole: true,
          disabledAt: true,
          memberships: { select: { establishmentId: true, role: true } },
          reviewerRegions: { select: { regionCode: true } },
        },
      },
    },
  });
  if (!row) throw new ApiTokenRefused("unknown");
  const { owner } = row;
  const ref = { id: row.id, ownerId: owner.id, ownerEmail: owner.email };
  const state = apiTokenOwnState(row, now);
  if (state !== "active") throw new ApiTokenRefused(state, ref);
  if (owner.disabledAt) throw new ApiTokenRefused("disabled", ref);
  return {
    token: ref,
    scopes: row.scopes,
    viewer: {
      userId: owner.id,
      email: owner.email,
      displayName: owner.displayName,
      staffRole: owner.staffRole,
      memberships: owner.memberships,
      // The token stands where a session would.
      sessionId: row.id,
      regionCodes: owner.reviewerRegions.map((region) => region.regionCode),
    },
  };
}
