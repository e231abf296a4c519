import { describe, expect, it } from "vitest";
import { mayHaveLeft } from "./withdraw-emails";

const NOW = new Date("2027-03-10T10:00:00Z");
const later = new Date(NOW.getTime() + 60_000);

describe("mayHaveLeft", () => {
  it("takes a sent e-mail, or a pending one a worker holds, for one the recipient may have", () => {
    expect(mayHaveLeft({ status: "SENT", nextAttemptAt: null }, NOW)).toBe(true);
    expect(mayHaveLeft({ status: "PENDING", nextAttemptAt: later }, NOW)).toBe(true);
  });

  it("takes one waiting, one whose attempts failed (even a given-up one), or one cancelled, for one that has not left", () => {
    expect(mayHaveLeft({ status: "PENDING", nextAttemptAt: NOW }, NOW)).toBe(false);
    expect(mayHaveLeft({ status: "FAILED", nextAttemptAt: later }, NOW)).toBe(false);
    expect(mayHaveLeft({ status: "FAILED", nextAttemptAt: null }, NOW)).toBe(false);
    expect(mayHaveLeft({ status: "CANCELLED", nextAttemptAt: null }, NOW)).toBe(false);
  });
});
