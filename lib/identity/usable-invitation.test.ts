import { describe, expect, it } from "vitest";
import { invitationStatus } from "./usable-invitation";

const now = new Date("2027-03-01T12:00:00Z");
const pending = { usedAt: null, supersededAt: null, cancelledAt: null, expiresAt: new Date("2027-03-02T12:00:00Z") };

describe("an invitation's status", () => {
  it("is valid while pending and not expired, expired at its expiry", () => {
    expect(invitationStatus(pending, now)).toBe("valid");
    expect(invitationStatus({ ...pending, expiresAt: now }, now)).toBe("expired");
  });

  it("says first what ended it for good: used, then replaced, then cancelled, before expiry", () => {
    const past = new Date("2027-02-01T00:00:00Z");
    expect(invitationStatus({ ...pending, usedAt: past, cancelledAt: past, expiresAt: past }, now)).toBe("used");
    expect(invitationStatus({ ...pending, supersededAt: past, cancelledAt: past }, now)).toBe("superseded");
    expect(invitationStatus({ ...pending, cancelledAt: past, expiresAt: past }, now)).toBe("cancelled");
    expect(invitationStatus(null, now)).toBe("unknown");
  });
});
