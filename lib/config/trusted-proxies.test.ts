import { describe, expect, it } from "vitest";
import { ZTrustedProxies } from "./env";

describe("TRUSTED_PROXIES", () => {
  it("is none when unset, empty or 0", () => {
    for (const value of [undefined, "", " ", "0"]) expect(ZTrustedProxies.parse(value)).toEqual({ kind: "none" });
  });

  it("reads a hop count or a list of addresses and CIDR ranges", () => {
    expect(ZTrustedProxies.parse("2")).toEqual({ kind: "hops", hops: 2 });
    expect(ZTrustedProxies.parse("10.0.0.0/8, 192.0.2.10,2001:db8::/32")).toEqual({
      kind: "ranges",
      ranges: ["10.0.0.0/8", "192.0.2.10", "2001:db8::/32"],
    });
  });

  it("refuses anything else, naming it", () => {
    expect(ZTrustedProxies.safeParse("nginx").error?.issues[0]?.message).toContain("not nginx");
    expect(ZTrustedProxies.safeParse("10.0.0.0/33").success).toBe(false);
    expect(ZTrustedProxies.safeParse("11").success).toBe(false);
  });
});
