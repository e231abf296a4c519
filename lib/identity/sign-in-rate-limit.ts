import { AsyncLocalStorage } from "node:async_hooks";
import { env } from "@/lib/config/env";
import { type AppError, isAppError } from "@/lib/errors/app-error";
import { clientIp } from "@/lib/http/client-info";
import { consumeAttempt } from "./rate-limits";

/** The limit's refusal met while next-auth handles one request, if any. */
const refusals = new AsyncLocalStorage<{ refusal?: AppError }>();

/**
 * Called by a provider's `authorize` with the error it is about to turn into next-auth's reason:
 * next-auth answers every refused credentials sign-in with 401, so the route needs to be told which
 * ones a rate limit refused.
 */
export function noteSignInRefusal(error: unknown): void {
  const store = refusals.getStore();
  if (store && isAppError(error) && error.code === "RATE_LIMITED") store.refusal = error;
}

/**
 * Runs next-auth's handler; a sign-in a rate limit refused is answered 429 with `Retry-After`, like
 * the app's other limited routes. The body keeps next-auth's `url`, whose `error` parameter its
 * client (`signIn(…, { redirect: false })`) shows, and adds the app's error object.
 */
export async function withSignInRateLimitStatus(handle: () => Promise<Response>): Promise<Response> {
  const store: { refusal?: AppError } = {};
  const response = await refusals.run(store, handle);
  const { refusal } = store;
  if (!refusal || response.ok) return response;
  const body: unknown = await response.json().catch(() => ({}));
  const headers = new Headers(response.headers);
  headers.delete("content-length");
  const retryAfter = refusal.details?.retryAfterSeconds;
  if (typeof retryAfter === "number") headers.set("Retry-After", String(retryAfter));
  return Response.json(
    {
      ...(body && typeof body === "object" ? body : {}),
      error: { code: refusal.code, message: refusal.message, details: refusal.details },
    },
    { status: 429, headers },
  );
}

/** Where Pro Santé Connect sends the person back, with the code next-auth then exchanges at PSC. */
const PSC_RETURN_PATH = "/api/auth/callback/pro-sante-connect";

/**
 * Pro Santé Connect's return is the answer of its sign-in: it counts on the address's sign-in limit
 * as a passkey's answer does, before next-auth exchanges the code (a request of ours to PSC for each
 * return, whoever forged it). Past the limit the person is sent back to the sign-in page, which says
 * so (the return is a navigation: a 429's body would be a blank page), with `Retry-After`. Null for
 * any other request, or within the limit.
 */
export async function refusedPscReturn(request: Request): Promise<Response | null> {
  if (new URL(request.url).pathname !== PSC_RETURN_PATH) return null;
  try {
    await consumeAttempt("signInPerIp", clientIp(request.headers));
    return null;
  } catch (error) {
    if (!isAppError(error) || error.code !== "RATE_LIMITED") throw error;
    const headers = new Headers({ Location: new URL("/connexion?erreur=trop-de-tentatives", env.APP_URL).toString() });
    const retryAfter = error.details?.retryAfterSeconds;
    if (typeof retryAfter === "number") headers.set("Retry-After", String(retryAfter));
    return new Response(null, { status: 303, headers });
  }
}
