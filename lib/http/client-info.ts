/** Headers as next/headers, a Request or next-auth's `req.headers` give them. */
type HeaderSource = { get(name: string): string | null } | Record<string, string | string[] | undefined>;

function header(source: HeaderSource, name: string): string | null {
  if (typeof (source as { get?: unknown }).get === "function") return (source as { get(name: string): string | null }).get(name);
  const value = (source as Record<string, string | string[] | undefined>)[name];
  return Array.isArray(value) ? (value[0] ?? null) : (value ?? null);
}

/**
 * The client's address for the audit log and rate limits: the last X-Forwarded-For hop, which the
 * Next.js server (or the reverse proxy in front of it) appends from the socket; the earlier hops
 * are the client's own claims.
 */
export function clientIp(source: HeaderSource): string | null {
  const forwarded = header(source, "x-forwarded-for");
  const last = forwarded?.split(",").at(-1)?.trim();
  return last || header(source, "x-real-ip") || null;
}

export function userAgent(source: HeaderSource): string | null {
  return header(source, "user-agent");
}
