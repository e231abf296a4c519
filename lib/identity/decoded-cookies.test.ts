import { describe, expect, it } from "vitest";
import { DecodedCookies } from "./decoded-cookies";

const exp = 1_800_000_000;

describe("DecodedCookies", () => {
  it("recalls a decrypted cookie's session until its expiry, with next-auth's 15 s of tolerance, then forgets it", () => {
    const cookies = new DecodedCookies(10);
    cookies.remember("token-a", "sid-a", exp);
    expect(cookies.recall("token-a", exp * 1000 - 1)).toBe("sid-a");
    expect(cookies.recall("token-a", exp * 1000 + 14_999)).toBe("sid-a");
    expect(cookies.recall("token-a", exp * 1000 + 15_000)).toBeNull();
    // Forgotten: even a clock set back does not bring it back.
    expect(cookies.recall("token-a", exp * 1000 - 1)).toBeNull();
  });

  it("knows only the exact cookie it decrypted", () => {
    const cookies = new DecodedCookies(10);
    cookies.remember("token-a", "sid-a", exp);
    expect(cookies.recall("token-a ", 0)).toBeNull();
    expect(cookies.recall("token-b", 0)).toBeNull();
  });

  it("forgets the oldest cookie beyond its limit", () => {
    const cookies = new DecodedCookies(2);
    cookies.remember("token-a", "sid-a", exp);
    cookies.remember("token-b", "sid-b", exp);
    cookies.remember("token-c", "sid-c", exp);
    expect(cookies.recall("token-a", 0)).toBeNull();
    expect(cookies.recall("token-b", 0)).toBe("sid-b");
    expect(cookies.recall("token-c", 0)).toBe("sid-c");
  });
});
