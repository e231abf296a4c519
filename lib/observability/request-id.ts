import { AsyncLocalStorage } from "node:async_hooks";
import { workUnitAsyncStorage } from "next/dist/server/app-render/work-unit-async-storage.external.js";

/** The header that carries a request's id from the proxy to pages, route handlers and logs. */
export const REQUEST_ID_HEADER = "x-request-id";

/** A request id we accept from upstream (a load balancer's): short, printable, no separators to forge log fields. */
const UPSTREAM_ID = /^[A-Za-z0-9._-]{8,64}$/;

/** The upstream id when it is well-formed, otherwise a new one. */
export function requestIdFrom(headers: Headers): string {
  const upstream = headers.get(REQUEST_ID_HEADER);
  return upstream && UPSTREAM_ID.test(upstream) ? upstream : crypto.randomUUID();
}

// One store per process, even if Next.js loads this module in several bundles.
const holder = globalThis as unknown as { hospiconnectLogContext?: AsyncLocalStorage<{ requestId?: string; job?: string }> };
const context = (holder.hospiconnectLogContext ??= new AsyncLocalStorage());

/** Runs `work` with log fields of its own (a background job's name and id). */
export function withLogContext<T>(fields: { requestId?: string; job?: string }, work: () => T): T {
  return context.run(fields, work);
}

/**
 * The fields that tie a log line to what caused it: inside a page or a route handler, the id the
 * proxy gave the request (read from Next.js's own per-request store, which holds its headers);
 * inside a job, the job's.
 */
export function currentLogContext(): { requestId?: string; job?: string } {
  const own = context.getStore();
  if (own) return own;
  const store = workUnitAsyncStorage.getStore();
  if (store?.type !== "request") return {};
  const requestId = store.headers.get(REQUEST_ID_HEADER);
  return requestId ? { requestId } : {};
}
