import { type NextRequest, NextResponse } from "next/server";
import { env } from "@/lib/config/env";
import { databaseAvailable } from "@/lib/db/availability";
import { AppError } from "@/lib/errors/app-error";
import { refusedMethodAllow } from "@/lib/http/api-methods";
import { KEPT_FORWARDING_HEADERS } from "@/lib/http/forwarded-headers";
import { unavailableResponse } from "@/lib/http/unavailable-response";
import { logger } from "@/lib/observability/logger";
import { REQUEST_ID_HEADER, requestIdFrom } from "@/lib/observability/request-id";
import { contentSecurityPolicy } from "@/lib/security/csp";

/** Liveness answers whatever the database does; readiness says why not itself. */
const ALWAYS_SERVED = new Set(["/api/health", "/api/health/ready"]);

/**
 * Runs before every page and route handler:
 * - gives each request an id (kept from a well-formed upstream one), carried to pages, route
 *   handlers and every log line, and a fresh CSP nonce, which Next.js and the DSFR put on their scripts;
 * - moves the forwarding headers the network sent (X-Forwarded-For, X-Real-IP, which any client
 *   can write) under names of our own, overwriting whatever a client sent under those names.
 *   Next.js then fills X-Forwarded-For with the socket's address, and lib/http/client-info.ts
 *   believes the kept headers only as far as TRUSTED_PROXIES says;
 * - while the database is away, answers a French 503 instead of a page that cannot load.
 */
export async function proxy(request: NextRequest) {
  const requestId = requestIdFrom(request.headers);
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const policy = contentSecurityPolicy(nonce, { development: process.env.NODE_ENV === "development" });
  logger.info({ requestId, method: request.method, path: request.nextUrl.pathname }, "request");

  const responseHeaders = new Headers({ "Content-Security-Policy": policy, "X-Request-Id": requestId });
  if (env.DATABASE_URL && !ALWAYS_SERVED.has(request.nextUrl.pathname) && !(await databaseAvailable(env.DATABASE_URL))) {
    logger.warn({ requestId }, "database unavailable: answered 503");
    return unavailableResponse(request, responseHeaders);
  }

  const requestHeaders = new Headers(request.headers);
  requestHeaders.set(REQUEST_ID_HEADER, requestId);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", policy);
  for (const [header, kept] of Object.entries(KEPT_FORWARDING_HEADERS)) {
    const value = request.headers.get(header);
    if (value === null) requestHeaders.delete(kept);
    else requestHeaders.set(kept, value);
    requestHeaders.delete(header);
  }

  const allow = request.nextUrl.pathname.startsWith("/api/") ? refusedMethodAllow(request.nextUrl.pathname, request.method) : undefined;
  const response = !isDecodable(request.nextUrl.pathname)
    ? notFound(request, requestHeaders)
    : allow
      ? methodNotAllowed(allow)
      : NextResponse.next({ request: { headers: requestHeaders } });
  responseHeaders.forEach((value, key) => response.headers.set(key, value));
  return response;
}

/** Whether a path's percent-encoding is valid: Next.js answers 500 when it cannot decode a dynamic segment. */
function isDecodable(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return true;
  } catch {
    return false;
  }
}

/** A path that cannot even be decoded names nothing: the 404 page, or the API's 404 (lib/errors/app-error.ts). */
function notFound(request: NextRequest, requestHeaders: Headers): NextResponse {
  if (!request.nextUrl.pathname.startsWith("/api/")) {
    return NextResponse.rewrite(new URL("/page-introuvable", request.url), { request: { headers: requestHeaders } });
  }
  const error = new AppError("NOT_FOUND");
  return NextResponse.json({ error: { code: error.code, message: error.message } }, { status: error.status });
}

/** Next.js answers a method a route does not export with an empty 405: the API's clients get its JSON error and the methods allowed. */
function methodNotAllowed(allow: string): NextResponse {
  const error = new AppError("METHOD_NOT_ALLOWED");
  return NextResponse.json({ error: { code: error.code, message: error.message } }, { status: error.status, headers: { Allow: allow } });
}

// Every request that reaches a page or a route handler, prefetches included: the client address
// of a request that skipped this proxy would be whatever it claims.
export const config = {
  matcher: ["/((?!_next/static/|favicon|robots\\.txt).*)"],
};
