import { AsyncLocalStorage } from "node:async_hooks";
import { subscribe } from "node:diagnostics_channel";
import type { IncomingMessage, ServerResponse } from "node:http";
import { RETRY_AFTER_SECONDS, UNAVAILABLE_ERROR, UNAVAILABLE_PAGE, UNAVAILABLE_PAGE_HEADERS } from "./unavailable-response";

/**
 * A page whose rendering meets a database outage (a server frozen or gone while it loads, a
 * connection that could not be had in time) is answered the French 503 page, as the proxy answers
 * the requests that come after, rather than « Erreur inattendue » (500). Next.js gives a page no
 * other status than 200, 401, 403, 404, a redirect or 500 (`app-render`), and nothing between its
 * 500 and the socket: the response is followed from Node's own HTTP server (its diagnostics
 * channel, which announces each request with its response, and an async context that the
 * rendering inherits), and only its 500 is replaced, before anything of it is written. A page
 * already streaming (headers sent) is left as it is.
 */
const current = new AsyncLocalStorage<ServerResponse>();
const holder = globalThis as unknown as { hospiconnectFollowsResponses?: boolean };

/** Called once per process, before the server takes requests (instrumentation.ts). */
export function followResponses(): void {
  if (holder.hospiconnectFollowsResponses) return;
  holder.hospiconnectFollowsResponses = true;
  subscribe("http.server.request.start", (message) => {
    const { response } = message as { request: IncomingMessage; response: ServerResponse };
    // Synchronous with the request's 'request' event: Next.js's handling of it, and every
    // asynchronous step it takes, runs in this context.
    current.enterWith(response);
  });
}

/** Headers of the 500 kept on the 503: the request's id (logs) and the page's security policy. */
const KEPT_HEADERS = ["x-request-id", "content-security-policy"];
const answered = new WeakSet<ServerResponse>();

/**
 * The page being rendered met a database outage: its 500, when Next.js writes it, becomes the
 * French 503 page. Nothing when called outside a request, or after its headers went out.
 */
export function answerPageUnavailable(): void {
  const response = current.getStore();
  if (!response || response.headersSent || answered.has(response)) return;
  answered.add(response);
  // A route handler's error that escaped it (route handlers of defineRoute answer their own): the API's JSON 503.
  const api = response.req.url?.startsWith("/api/") ?? false;
  const body = api ? JSON.stringify({ error: UNAVAILABLE_ERROR }) : UNAVAILABLE_PAGE;
  const headers = api
    ? { "Retry-After": RETRY_AFTER_SECONDS, "Cache-Control": "no-store", "Content-Type": "application/json" }
    : UNAVAILABLE_PAGE_HEADERS;
  const { writeHead, write, end } = response;
  let replaced = false;
  /** Whether what Next.js is about to write is its 500, now turned into the 503 page's headers. */
  const replace = (status: number): boolean => {
    if (replaced) return true;
    if (status !== 500 || response.headersSent) return false;
    replaced = true;
    const kept = KEPT_HEADERS.map((name) => [name, response.getHeader(name)] as const);
    for (const name of response.getHeaderNames()) response.removeHeader(name);
    for (const [name, value] of kept) if (value !== undefined) response.setHeader(name, value);
    for (const [name, value] of Object.entries(headers)) response.setHeader(name, value);
    response.setHeader("Content-Length", Buffer.byteLength(body));
    response.statusCode = 503;
    return true;
  };
  response.writeHead = function (this: ServerResponse, status: number, ...rest: unknown[]) {
    if (replace(status)) return writeHead.call(this, 503);
    return (writeHead as (...args: unknown[]) => ServerResponse).call(this, status, ...rest);
  } as ServerResponse["writeHead"];
  response.write = function (this: ServerResponse, ...args: unknown[]) {
    if (!replace(this.statusCode)) return (write as (...rest: unknown[]) => boolean).apply(this, args);
    // The error page's own bytes are dropped; its callback, if any, is still told they went.
    const callback = args.find((arg) => typeof arg === "function") as (() => void) | undefined;
    if (callback) process.nextTick(callback);
    return true;
  } as ServerResponse["write"];
  response.end = function (this: ServerResponse, ...args: unknown[]) {
    const ending = end as (...rest: unknown[]) => ServerResponse;
    if (!replace(this.statusCode)) return ending.apply(this, args);
    const callback = args.find((arg) => typeof arg === "function");
    return this.req.method === "HEAD" ? ending.call(this, callback) : ending.call(this, body, "utf8", callback);
  } as ServerResponse["end"];
}
