import { z } from "zod";
import { recordAudit } from "@/lib/audit/record-audit";
import { auditActor, type Viewer } from "@/lib/access/viewer";
import { env } from "@/lib/config/env";
import { JSON_BODY_BYTES } from "@/lib/config/upload-limits";
import { reportDatabaseUnavailable } from "@/lib/db/availability";
import { db } from "@/lib/db/client";
import { isDatabaseTimeout, isDatabaseUnavailable } from "@/lib/db/unavailable";
import { AppError, type FieldErrors, isAppError } from "@/lib/errors/app-error";
import { getViewer } from "@/lib/identity/current-viewer";
import { errorFields, logger } from "@/lib/observability/logger";
import { unavailableResponse } from "./unavailable-response";
import { clientIp } from "./client-info";
import { failedDownloadResponse, isDocumentRequest } from "./failed-download";
import { type ParamShape, type ParsedParams, parseRouteParams } from "./route-params";
import { withoutNul } from "./untrusted-text";
import { frenchZodMessage } from "./french-zod-messages";

export type RouteContext<TInput, TParams, TViewer extends Viewer | null = Viewer> = {
  viewer: TViewer;
  input: TInput;
  params: TParams;
  ip: string | null;
  request: Request;
};

type RouteResult = Promise<Response | Record<string, unknown> | void>;

type RouteConfig<TSchema extends z.ZodType, TParams extends ParamShape, TViewer extends Viewer | null> = {
  /** The URL's dynamic segments (`RouteParam` of route-params.ts): a malformed one is a 404. */
  params?: TParams;
  /** JSON body (or query string for GET) schema; its French messages reach the form. */
  input?: TSchema;
  handler: (context: RouteContext<z.infer<TSchema>, ParsedParams<TParams>, TViewer>) => RouteResult;
};

type Handler = (request: Request, context: { params: Promise<Record<string, string | string[] | undefined>> }) => Promise<Response>;

/**
 * Every route handler goes through here: refuses cross-site state changes, finds the viewer,
 * validates the input with the form's zod schema, runs the handler (which asks lib/access/policy)
 * and maps errors: an expected AppError to its status and French message, a refused access to the
 * audit log, anything else to a logged 500 with a generic message.
 */
export function defineRoute<TSchema extends z.ZodType = z.ZodType<undefined>, TParams extends ParamShape = Record<never, never>>(
  config: RouteConfig<TSchema, TParams, Viewer>,
): Handler {
  return handle(config, true);
}

/** For the routes that answer anonymous callers too (sign-in, invitations); the handler decides. */
export function definePublicRoute<TSchema extends z.ZodType = z.ZodType<undefined>, TParams extends ParamShape = Record<never, never>>(
  config: RouteConfig<TSchema, TParams, Viewer | null>,
): Handler {
  return handle(config, false);
}

function handle<TSchema extends z.ZodType, TParams extends ParamShape, TViewer extends Viewer | null>(
  config: RouteConfig<TSchema, TParams, TViewer>,
  requireViewer: boolean,
): Handler {
  return refusingCrossSite(async (request, context) => {
    const ip = clientIp(request.headers);
    let viewer: Viewer | null = null;
    try {
      // A malformed URL names nothing, whoever asks: 404 before the session or the database.
      const params = parseRouteParams(config.params ?? ({} as TParams), (await context.params) ?? {});
      viewer = await getViewer();
      if (requireViewer && !viewer) throw new AppError("UNAUTHENTICATED");
      const input = config.input ? parseInput(config.input, await readInput(request)) : undefined;
      const result = await config.handler({
        viewer: viewer as TViewer,
        input: input as z.infer<TSchema>,
        params,
        ip,
        request,
      });
      if (result instanceof Response) return result;
      // A signed-in person's data: no cache, shared or the browser's, may keep it.
      return Response.json(result ?? { ok: true }, { headers: { "Cache-Control": "private, no-store" } });
    } catch (error) {
      return errorResponse(error, request, viewer, ip, { forPeople: true });
    }
  });
}

/**
 * Refuses a cross-site state change before the handler reads anything: every route of defineRoute,
 * and next-auth's (app/api/auth), which is not written with it.
 */
export function refusingCrossSite<TContext>(
  handler: (request: Request, context: TContext) => Promise<Response>,
): (request: Request, context: TContext) => Promise<Response> {
  return async (request, context) => {
    try {
      if (!["GET", "HEAD"].includes(request.method)) assertSameOrigin(request);
    } catch (error) {
      return errorResponse(error, request, null, clientIp(request.headers), { forPeople: true });
    }
    return handler(request, context);
  };
}

/** The app's own origin, parsed once per process rather than on every state change. */
let appOrigin: string | undefined;

function assertSameOrigin(request: Request): void {
  const fetchSite = request.headers.get("sec-fetch-site");
  if (fetchSite && fetchSite !== "same-origin" && fetchSite !== "none") throw new AppError("CROSS_ORIGIN");
  const origin = request.headers.get("origin");
  if (origin && origin !== (appOrigin ??= new URL(env.APP_URL).origin)) throw new AppError("CROSS_ORIGIN");
}

/** The request's JSON body (its query string for GET), size-limited; for a route that reads another kind of body too. */
export async function readInput(request: Request): Promise<unknown> {
  if (request.method === "GET" || request.method === "HEAD") {
    return Object.fromEntries(new URL(request.url).searchParams);
  }
  const tooLarge = () => new AppError("PAYLOAD_TOO_LARGE", "La requête est trop volumineuse.");
  if (Number(request.headers.get("content-length") ?? 0) > JSON_BODY_BYTES) throw tooLarge();
  const text = await request.text();
  // A body sent without its length announced is measured once read.
  if (text.length > JSON_BODY_BYTES) throw tooLarge();
  if (!text) return {};
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError("INVALID_INPUT", "La requête n'est pas au format attendu.");
  }
}

/** Parses an input with its zod schema; a refusal carries the French messages by field (also for multipart fields). */
export function parseInput<T extends z.ZodType>(schema: T, raw: unknown): z.infer<T> {
  const result = schema.safeParse(withoutNul(raw), { error: frenchZodMessage });
  if (result.success) return result.data;
  const fieldErrors: FieldErrors = {};
  for (const issue of result.error.issues) {
    // An unknown parameter (a strict schema: the public API's query) is reported under its own name.
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) (fieldErrors[[...issue.path, key].join(".")] ??= []).push("Paramètre inconnu.");
      continue;
    }
    const path = issue.path.join(".") || "_";
    (fieldErrors[path] ??= []).push(issue.message);
  }
  throw new AppError("INVALID_INPUT", undefined, { fieldErrors });
}

type ApiErrorBody = { code: string; message: string; fieldErrors?: FieldErrors; details?: Record<string, unknown> };

/**
 * An error as the API's JSON (`{ error: { code, message, … } }`), or, `forPeople`, as a person's
 * browser can show it when they followed a link to a route handler (a file's: failed-download.ts).
 * The public read API leaves `forPeople` out: its clients are programs, and its 401 is a token's.
 */
export async function errorResponse(
  error: unknown,
  request: Request,
  viewer: Viewer | null,
  ip: string | null,
  { forPeople = false }: { forPeople?: boolean } = {},
): Promise<Response> {
  const respond = (status: number, body: ApiErrorBody, headers?: Record<string, string>) =>
    forPeople && isDocumentRequest(request)
      ? failedDownloadResponse(request, status, body, headers)
      : Response.json({ error: body }, { status, headers });
  if (isDatabaseUnavailable(error)) {
    // A transaction cut by the outage was rolled back whole; the client may retry (submissions
    // and commits are idempotent, so one that committed just before is not done twice).
    // A timeout is an overloaded database, not an absent one: no need to gate the next requests.
    if (!isDatabaseTimeout(error)) reportDatabaseUnavailable(error);
    logger.warn({ method: request.method, path: new URL(request.url).pathname, ...errorFields(error) }, "route: database unavailable");
    return unavailableResponse(request, new Headers());
  }
  if (!isAppError(error)) {
    logger.error({ method: request.method, path: new URL(request.url).pathname, ...errorFields(error) }, "route: unexpected error");
    return respond(500, { code: "INTERNAL", message: "Une erreur inattendue est survenue. Réessayez dans quelques instants." });
  }
  if (viewer && (error.code === "NOT_FOUND" || error.code === "FORBIDDEN")) {
    await recordAudit(db, {
      actor: auditActor(viewer),
      action: "access.denied",
      ip,
      details: { method: request.method, path: new URL(request.url).pathname, code: error.code },
    }).catch((auditError: unknown) => logger.error(errorFields(auditError), "route: audit of a denied access failed"));
  }
  const headers =
    error.code === "RATE_LIMITED" && typeof error.details?.retryAfterSeconds === "number"
      ? { "Retry-After": String(error.details.retryAfterSeconds) }
      : undefined;
  return respond(
    error.status,
    { code: error.code, message: error.message, fieldErrors: error.fieldErrors, details: error.details },
    headers,
  );
}
