import { describe, expect, it } from "vitest";
import { sessionEnd } from "./sessions";

const at = (iso: string) => new Date(iso);
const session = { revokedAt: null, expiresAt: at("2026-11-28T14:00:00Z"), lastSeenAt: at("2026-11-28T10:30:00Z") };

describe("session end", () => {
  it("is alive within both the idle period and the lifetime", () => {
    expect(sessionEnd(session, at("2026-11-28T11:29:59Z"), 60)).toBeNull();
  });

  it("ends after the idle period without activity", () => {
    expect(sessionEnd(session, at("2026-11-28T11:30:00Z"), 60)).toBe("idle");
  });

  it("ends at the absolute lifetime even when active", () => {
    expect(sessionEnd({ ...session, lastSeenAt: at("2026-11-28T13:59:00Z") }, at("2026-11-28T14:00:00Z"), 60)).toBe("expired");
  });

  it("ends when revoked (sign-out)", () => {
    expect(sessionEnd({ ...session, revokedAt: at("2026-11-28T10:31:00Z") }, at("2026-11-28T10:32:00Z"), 60)).toBe("revoked");
  });
});
