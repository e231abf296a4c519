import { type NextRequest, NextResponse } from "next/server";
import { env } from "@/lib/config/env";
import { databaseAvailable } from "@/lib/db/availability";
import { unavailableResponse } from "@/lib/http/unavailable-response";
import { logger } from "@/lib/observability/logger";
import { REQUEST_ID_HEADER, requestIdFrom } from "@/lib/observability/request-id";
import { contentSecurityPolicy } from "@/lib/security/csp";

/** Liveness answers whatever the database does; readiness says why not itself. */
const ALWAYS_SERVED = new Set(["/api/health", "/api/health/ready"]);

/**
 * Every request: an id (kept from a well-formed upstream one) carried to pages, route handlers and
 * every log line; a fresh CSP nonce, which Next.js and the DSFR put on their scripts; and while the
 * database is away, a French 503 instead of a page that cannot load.
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

  const response = NextResponse.next({ request: { headers: requestHeaders } });
  responseHeaders.forEach((value, key) => response.headers.set(key, value));
  return response;
}

export const config = {
  matcher: [
    {
      source: "/((?!_next/static|_next/image|favicon.ico|dsfr/).*)",
      missing: [{ type: "header", key: "next-router-prefetch" }],
    },
  ],
};
