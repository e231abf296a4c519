import { RateLimiterPrisma, RateLimiterRes } from "rate-limiter-flexible";
import { env } from "@/lib/config/env";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { hashToken } from "./tokens";

/**
 * Attempt counters kept in the database (table RateLimit), so every app instance shares them.
 * Each limiter counts attempts per key over a window; past the limit the caller gets a 429 with a
 * generic message that does not say whether the account exists.
 */
function limiter(keyPrefix: string, points: number, durationSeconds: number) {
  return new RateLimiterPrisma({ storeClient: db, tableName: "rateLimit", keyPrefix, points, duration: durationSeconds });
}

export const RATE_LIMITS = {
  /**
   * Sign-in requests from one address: a passkey sign-in counts twice (its challenge, then its
   * answer), so 15 of them; a demo link once.
   */
  signInPerIp: limiter("sign-in-ip", 30 * env.RATE_LIMIT_PER_IP_SCALE, 15 * 60),
  /**
   * Refused sign-ins naming one passkey, registered or not, by the hash of its id
   * (lib/identity/webauthn/authentication.ts, ADR 0008): only refusals count, and a valid assertion
   * is never refused for them.
   */
  signInFailuresPerKey: limiter("sign-in-key", 10, 15 * 60),
  /** Invitation and access-recovery links used from one address (consumeLinkAttempt). */
  invitationPerIp: limiter("invitation-ip", 30 * env.RATE_LIMIT_PER_IP_SCALE, 60 * 60),
  /** Attempts on one invitation or access-recovery link, by its hash (consumeLinkAttempt). */
  invitationPerToken: limiter("invitation-token", 10, 60 * 60),
  /**
   * E-mails sent in a person's name (invitations, re-sent or not, establishment registrations, and
   * access-recovery links), per sender. The sender's name opens the e-mail, so an account (or a
   * stolen one) could otherwise make our address mail any text to anyone. A programme manager
   * onboarding a region invites a few dozen directors in an afternoon; 50 an hour is above that.
   */
  linksSentPerAccount: limiter("links-sent-account", 50, 60 * 60),
  /**
   * The same e-mails from one address: twice an account's share, for the colleagues who work behind
   * one gateway (an ARS office, a hospital group), scaled like the other per-address limits.
   */
  linksSentPerIp: limiter("links-sent-ip", 100 * env.RATE_LIMIT_PER_IP_SCALE, 60 * 60),
  /** Calls of the public read API with one token, per minute (lib/http/define-api-route.ts). */
  apiPerToken: limiter("api-token", env.API_RATE_LIMIT_PER_MINUTE, 60),
  /** Calls of the public read API refused for their token (missing, unknown…) from one address. */
  apiRefusedPerIp: limiter("api-refused-ip", 60 * env.RATE_LIMIT_PER_IP_SCALE, 60),
} as const;

export type RateLimitName = keyof typeof RATE_LIMITS;

/** What a refusal says was too many, where « tentatives » would be the wrong word: an API client makes calls. */
const TOO_MANY: Partial<Record<RateLimitName, string>> = { apiPerToken: "Trop d'appels avec ce jeton" };

/** Counts one attempt; throws RATE_LIMITED past the limit. */
export async function consumeAttempt(name: RateLimitName, key: string | null): Promise<void> {
  try {
    await RATE_LIMITS[name].consume(key ?? "unknown");
  } catch (error) {
    if (error instanceof RateLimiterRes) {
      const minutes = Math.max(1, Math.ceil(error.msBeforeNext / 60_000));
      const tooMany = TOO_MANY[name] ?? "Trop de tentatives";
      throw new AppError("RATE_LIMITED", `${tooMany}. Réessayez dans ${minutes} minute${minutes > 1 ? "s" : ""}.`, {
        details: { retryAfterSeconds: Math.ceil(error.msBeforeNext / 1000) },
      });
    }
    throw error;
  }
}

/** Counts one e-mail sent in a person's name, for them and for their address; throws RATE_LIMITED past either limit. */
export async function consumeLinkSent(senderId: string, ip: string | null): Promise<void> {
  await consumeAttempt("linksSentPerAccount", senderId);
  await consumeAttempt("linksSentPerIp", ip);
}

/**
 * Counts one use of an invitation or access-recovery link, for its address and for the link (by its
 * hash, as the link is stored), wherever it is used: opening it to register a key, to accept with an
 * existing account or with Pro Santé Connect. Throws RATE_LIMITED past either limit, whether the link
 * exists or not.
 */
export async function consumeLinkAttempt(token: string, ip: string | null): Promise<void> {
  await consumeAttempt("invitationPerIp", ip);
  await consumeAttempt("invitationPerToken", hashToken(token));
}
