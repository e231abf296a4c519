import { AsyncLocalStorage } from "node:async_hooks";
import { type AppError, isAppError } from "@/lib/errors/app-error";

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
