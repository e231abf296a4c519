import type { z } from "zod";
import { authorizeApiScope } from "@/lib/access/policy";
import type { Viewer } from "@/lib/access/viewer";
import { AppError, isAppError } from "@/lib/errors/app-error";
import { consumeAttempt } from "@/lib/identity/rate-limits";
import { errorFields, logger } from "@/lib/observability/logger";
import { type ApiCaller, ApiTokenRefused, type ApiTokenRef, authenticateApiToken } from "@/lib/public-api/authenticate-api-token";
import type { ApiEndpoint } from "@/lib/public-api/endpoint";
import { recordApiCall } from "@/lib/public-api/record-api-call";
import { clientIp } from "./client-info";
import { errorResponse, parseInput } from "./define-route";
import { type ParamShape, type ParsedParams, parseRouteParams } from "./route-params";

/**
 * The query string, one value per parameter. A repeated parameter (`state=DRAFT&state=SELECTED`)
 * is refused by name: read as one of its values, it would silently answer another question.
 */
function singleValuedQuery(searchParams: URLSearchParams): Record<string, string> {
  const repeated = [...new Set(searchParams.keys())].filter((key) => searchParams.getAll(key).length > 1);
  if (repeated.length > 0) {
    const fieldErrors = Object.fromEntries(repeated.map((key) => [key, ["Paramètre répété : donnez-lui une seule valeur."]]));
    throw new AppError("INVALID_INPUT", undefined, { fieldErrors });
  }
  return Object.fromEntries(searchParams);
}

type Handler = (request: Request, context: { params: Promise<Record<string, string | string[] | undefined>> }) => Promise<Response>;

export type ApiRouteContext<TParams extends ParamShape, TQuery extends z.ZodObject> = {
  /** The token's owner, as the policy sees them (already checked against the endpoint's scope). */
  viewer: Viewer;
  caller: ApiCaller;
  params: ParsedParams<TParams>;
  query: z.output<TQuery>;
};

/**
 * The sibling of defineRoute for the public read API (/api/v1, ADR 0015): the caller is a bearer
 * token, not a session (no cookie, so no cross-site check to make). In order: the URL's ids (404),
 * the token (401 with the reason in French), the token's rate limit (429 with Retry-After), its
 * scope through the policy (403), the query string (422); then the handler, whose answer is
 * parsed with the endpoint's response schema, so nothing leaves that the OpenAPI document does not
 * describe. Every call, refused or not, is audited before the answer leaves; a call refused before
 * any token opened the API counts against its address, and once the address is past its limit its
 * calls are only logged.
 */
export function defineApiRoute<TParams extends ParamShape, TQuery extends z.ZodObject, TResponse extends z.ZodType>(
  endpoint: ApiEndpoint<TParams, TQuery, TResponse>,
  handler: (context: ApiRouteContext<TParams, TQuery>) => Promise<z.input<TResponse>>,
): Handler {
  return async (request, context) => {
    const started = performance.now();
    const ip = clientIp(request.headers);
    const url = new URL(request.url);
    let caller: ApiCaller | null = null;
    let refusedToken: ApiTokenRef | null = null;
    let refusal: ApiTokenRefused | null = null;
    let failure: unknown = null;
    let response: Response;
    try {
      const params = await countedAgainstAddress(ip, async () => parseRouteParams(endpoint.params, (await context.params) ?? {}));
      caller = await countedAgainstAddress(ip, () => authenticateApiToken(request.headers.get("authorization")));
      await consumeAttempt("apiPerToken", caller.token.id);
      const viewer = authorizeApiScope(caller, endpoint.scope);
      const query = parseInput(endpoint.query, singleValuedQuery(url.searchParams)) as z.output<TQuery>;
      const body = endpoint.response.parse(await handler({ viewer, caller, params, query }));
      response = Response.json(body);
    } catch (error) {
      failure = error;
      if (error instanceof ApiTokenRefused) {
        refusal = error;
        refusedToken = error.token;
      }
      response = await errorResponse(error, request, null, ip);
    }
    if (caller === null && isAppError(failure) && failure.code === "RATE_LIMITED") {
      // An address past its limit of refused calls: answered, logged, but no longer audited one by
      // one, or anyone could grow the audit log at the rate they can send requests.
      logger.info({ path: url.pathname, ip }, "api: refused call past the address's limit, not audited");
      return withApiHeaders(response, refusal);
    }
    try {
      await recordApiCall({
        token: caller?.token ?? refusedToken,
        authenticated: caller !== null,
        method: request.method,
        url,
        status: response.status,
        ip,
        durationMs: performance.now() - started,
      });
    } catch (error) {
      logger.error({ path: url.pathname, ...errorFields(error) }, "api: the call could not be audited");
      response = await errorResponse(error, request, null, ip);
    }
    return withApiHeaders(response, refusal);
  };
}

function withApiHeaders(response: Response, refusal: ApiTokenRefused | null): Response {
  response.headers.set("Cache-Control", "no-store");
  if (refusal) response.headers.set("WWW-Authenticate", wwwAuthenticate(refusal.reason));
  return response;
}

/**
 * A step before any token opened the API (the URL's ids, the token): its refusal counts against the
 * address, whatever it was (guessing a token is pointless, flooding is not); past the limit, 429.
 */
async function countedAgainstAddress<T>(ip: string | null, step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (error) {
    if (isAppError(error) && (error.code === "UNAUTHENTICATED" || error.code === "NOT_FOUND")) await consumeAttempt("apiRefusedPerIp", ip);
    throw error;
  }
}

/** RFC 6750 §3: no error code when the request carried no credentials, « invalid_request » for a malformed header. */
function wwwAuthenticate(reason: ApiTokenRefused["reason"]): string {
  if (reason === "missing") return 'Bearer realm="HospiConnect"';
  return `Bearer realm="HospiConnect", error="${reason === "malformed" ? "invalid_request" : "invalid_token"}"`;
}
