import { BlockList, isIP } from "node:net";
import { env, type TrustedProxies } from "@/lib/config/env";
import { KEPT_FORWARDING_HEADERS } from "./forwarded-headers";

/** Headers as next/headers, a Request or next-auth's `req.headers` give them. */
type HeaderSource = { get(name: string): string | null } | Record<string, string | string[] | undefined>;

function header(source: HeaderSource, name: string): string | null {
  if (typeof (source as { get?: unknown }).get === "function") return (source as { get(name: string): string | null }).get(name);
  const value = (source as Record<string, string | string[] | undefined>)[name];
  return Array.isArray(value) ? (value[0] ?? null) : (value ?? null);
}

/** What the server knows of a request's origin. */
export type Connection = {
  /** The socket's address. */
  peer: string | null;
  /** X-Forwarded-For as the network sent it (null: absent). */
  forwardedFor: string | null;
  /** X-Real-IP as the network sent it. */
  realIp: string | null;
};

/** An IP address as the audit log and the rate limits key it (IPv4 seen through IPv6 as IPv4), or null. */
function address(value: string | null | undefined): string | null {
  const trimmed = value?.trim() ?? "";
  const plain = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(trimmed)?.[1] ?? trimmed;
  return isIP(plain) ? plain : null;
}

function rangeList(ranges: readonly string[]): BlockList {
  const list = new BlockList();
  for (const range of ranges) {
    const [base = "", bits] = range.split("/");
    const type = isIP(base) === 6 ? "ipv6" : "ipv4";
    if (bits === undefined) list.addAddress(base, type);
    else list.addSubnet(base, Number(bits), type);
  }
  return list;
}

/**
 * The client's address: the socket's, unless the socket is a trusted reverse proxy, in which case
 * X-Forwarded-For is read from the right (each proxy appends the address it received from) past the
 * trusted hops only. Entries further left, or after one that is not an address, are the client's
 * own claims. X-Real-IP counts only when a trusted proxy sent it without X-Forwarded-For.
 */
export function resolveClientAddress(connection: Connection, trusted: TrustedProxies): string | null {
  const peer = address(connection.peer);
  if (trusted.kind === "none" || peer === null) return peer;
  const ranges = trusted.kind === "ranges" ? rangeList(trusted.ranges) : null;
  const hopCount = trusted.kind === "hops" ? trusted.hops : 0;
  /** Whether `hop`, `position` hops from the server, is a trusted proxy. */
  const isTrusted = (hop: string, position: number) =>
    ranges ? ranges.check(hop, isIP(hop) === 6 ? "ipv6" : "ipv4") : position < hopCount;

  const claimed = connection.forwardedFor?.split(",").map(address) ?? [];
  if (claimed.length === 0 && isTrusted(peer, 0)) return address(connection.realIp) ?? peer;
  const hops = [...claimed, peer];
  let index = hops.length - 1;
  for (let position = 0; index > 0 && isTrusted(hops[index]!, position); position++) {
    if (hops[index - 1] === null) break;
    index--;
  }
  return hops[index]!;
}

/**
 * The client's address for the audit log and the rate limits, from a request that went through
 * proxy.ts: X-Forwarded-For then holds only the socket's address (Next.js sets it once proxy.ts
 * removed the client's), and the network's forwarding headers are under the names proxy.ts kept.
 * A request that did not go through proxy.ts has no trustworthy address: null.
 */
export function clientIp(source: HeaderSource, trusted: TrustedProxies = env.TRUSTED_PROXIES): string | null {
  const forwardedFor = header(source, KEPT_FORWARDING_HEADERS["x-forwarded-for"]);
  if (forwardedFor === null) return null;
  const peer = header(source, "x-forwarded-for");
  // Next.js had already filled X-Forwarded-For with the socket's address when proxy.ts kept it.
  return resolveClientAddress(
    { peer, forwardedFor: forwardedFor === peer ? null : forwardedFor, realIp: header(source, KEPT_FORWARDING_HEADERS["x-real-ip"]) },
    trusted,
  );
}

export function userAgent(source: HeaderSource): string | null {
  return header(source, "user-agent");
}
