import { describe, expect, it } from "vitest";
import { linkStatus } from "./single-use-link";

const now = new Date("2027-03-01T12:00:00Z");
const pending = { usedAt: null, supersededAt: null, cancelledAt: null, expiresAt: new Date("2027-03-02T12:00:00Z") };

describe("a single-use link's status (an invitation, an access recovery)", () => {
  it("is valid while pending and not expired, expired at its expiry", () => {
    expect(linkStatus(pending, now)).toBe("valid");
    expect(linkStatus({ ...pending, expiresAt: now }, now)).toBe("expired");
  });

  it("says first what ended it for good: used, then replaced, then cancelled, before expiry", () => {
    const past = new Date("2027-02-01T00:00:00Z");
    expect(linkStatus({ ...pending, usedAt: past, cancelledAt: past, expiresAt: past }, now)).toBe("used");
    expect(linkStatus({ ...pending, supersededAt: past, cancelledAt: past }, now)).toBe("superseded");
    expect(linkStatus({ ...pending, cancelledAt: past, expiresAt: past }, now)).toBe("cancelled");
    expect(linkStatus(null, now)).toBe("unknown");
  });
});
