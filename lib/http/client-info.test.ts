import { describe, expect, it } from "vitest";
import { clientIp, resolveClientAddress } from "./client-info";

const NONE = { kind: "none" } as const;
const ONE_PROXY = { kind: "hops", hops: 1 } as const;
const TWO_PROXIES = { kind: "hops", hops: 2 } as const;
const PROXY_RANGE = { kind: "ranges", ranges: ["10.0.0.0/8", "2001:db8::/32"] } as const;

describe("the client's address", () => {
  it("is the socket's when no proxy is trusted, whatever the forwarding headers claim", () => {
    const claims = { forwardedFor: "198.51.100.1, 203.0.113.9", realIp: "192.0.2.1" };
    expect(resolveClientAddress({ peer: "203.0.113.50", ...claims }, NONE)).toBe("203.0.113.50");
    expect(resolveClientAddress({ peer: "::ffff:127.0.0.1", ...claims }, NONE)).toBe("127.0.0.1");
  });

  it("reads X-Forwarded-For from the right past the trusted number of proxies, and no further", () => {
    const connection = { peer: "10.0.0.2", forwardedFor: "6.6.6.6, 198.51.100.7", realIp: null };
    // One proxy: it appended the address it received from; what is left of it is the client's claim.
    expect(resolveClientAddress(connection, ONE_PROXY)).toBe("198.51.100.7");
    expect(resolveClientAddress({ ...connection, forwardedFor: "6.6.6.6, 10.0.0.9, 198.51.100.7" }, TWO_PROXIES)).toBe("10.0.0.9");
    // Fewer hops than trusted proxies: the leftmost is the best there is.
    expect(resolveClientAddress({ ...connection, forwardedFor: "198.51.100.7" }, TWO_PROXIES)).toBe("198.51.100.7");
  });

  it("with proxy addresses, skips the trusted ones from the right and stops at the first other", () => {
    expect(resolveClientAddress({ peer: "10.1.1.1", forwardedFor: "6.6.6.6, 198.51.100.7, 10.2.2.2", realIp: null }, PROXY_RANGE)).toBe(
      "198.51.100.7",
    );
    // A connection that does not come from a trusted proxy is the client, whatever it forwards.
    expect(resolveClientAddress({ peer: "203.0.113.50", forwardedFor: "10.2.2.2", realIp: null }, PROXY_RANGE)).toBe("203.0.113.50");
    expect(resolveClientAddress({ peer: "2001:db8::1", forwardedFor: "2a01:e0a::5", realIp: null }, PROXY_RANGE)).toBe("2a01:e0a::5");
  });

  it("stops at an entry that is not an address rather than reading past it", () => {
    expect(resolveClientAddress({ peer: "10.0.0.2", forwardedFor: "198.51.100.7, nonsense", realIp: null }, TWO_PROXIES)).toBe("10.0.0.2");
  });

  it("takes X-Real-IP from a trusted proxy that sent no X-Forwarded-For, never from anyone else", () => {
    expect(resolveClientAddress({ peer: "10.0.0.2", forwardedFor: null, realIp: "198.51.100.7" }, ONE_PROXY)).toBe("198.51.100.7");
    expect(resolveClientAddress({ peer: "203.0.113.50", forwardedFor: null, realIp: "198.51.100.7" }, PROXY_RANGE)).toBe("203.0.113.50");
    expect(resolveClientAddress({ peer: "203.0.113.50", forwardedFor: null, realIp: "198.51.100.7" }, NONE)).toBe("203.0.113.50");
  });
});

describe("clientIp, on a request that went through proxy.ts", () => {
  it("reads the socket's address that Next.js put in X-Forwarded-For, and the client's headers where proxy.ts kept them", () => {
    const headers = new Headers({ "x-forwarded-for": "203.0.113.50", "x-hospiconnect-forwarded-for": "198.51.100.1" });
    expect(clientIp(headers, NONE)).toBe("203.0.113.50");
    expect(clientIp(new Headers({ "x-forwarded-for": "10.0.0.2", "x-hospiconnect-forwarded-for": "198.51.100.1" }), ONE_PROXY)).toBe(
      "198.51.100.1",
    );
    // No forwarding header from the network: proxy.ts kept the socket's address Next.js had filled in.
    expect(
      clientIp(
        new Headers({
          "x-forwarded-for": "10.0.0.2",
          "x-hospiconnect-forwarded-for": "10.0.0.2",
          "x-hospiconnect-real-ip": "198.51.100.3",
        }),
        ONE_PROXY,
      ),
    ).toBe("198.51.100.3");
  });

  it("gives no address to a request that did not go through proxy.ts (its X-Forwarded-For is the client's)", () => {
    expect(clientIp(new Headers({ "x-forwarded-for": "198.51.100.1" }), NONE)).toBeNull();
    expect(clientIp({ "x-forwarded-for": "198.51.100.1" }, NONE)).toBeNull();
  });
});
