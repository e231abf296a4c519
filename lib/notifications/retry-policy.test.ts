import { describe, expect, it } from "vitest";
import { MAX_ATTEMPTS, nextAttemptAfterFailure } from "./retry-policy";

const failedAt = new Date("2026-02-13T10:00:00Z");
const minutesLater = (attempts: number) => {
  const next = nextAttemptAfterFailure(attempts, failedAt);
  return next ? (next.getTime() - failedAt.getTime()) / 60_000 : null;
};

describe("e-mail retries", () => {
  it("wait longer after each failure", () => {
    expect([1, 2, 3, 4, 5, 6, 7].map(minutesLater)).toEqual([1, 5, 15, 60, 180, 360, 720]);
  });

  it("give up after the last attempt", () => {
    expect(MAX_ATTEMPTS).toBe(8);
    expect(minutesLater(MAX_ATTEMPTS)).toBeNull();
    expect(minutesLater(MAX_ATTEMPTS + 3)).toBeNull();
  });
});
