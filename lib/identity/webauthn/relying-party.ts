import { env } from "@/lib/config/env";

/**
 * Who we are for WebAuthn. Origin and RP ID come from configuration only, never from the request's
 * Host or X-Forwarded-* headers (which a client controls).
 */
export function relyingParty() {
  const appUrl = new URL(env.APP_URL);
  return {
    id: env.WEBAUTHN_RP_ID ?? appUrl.hostname,
    name: env.WEBAUTHN_RP_NAME,
    origin: appUrl.origin,
  };
}
