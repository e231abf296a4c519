import { RateLimiterPrisma } from "rate-limiter-flexible";
import { beforeEach, describe, expect, it } from "vitest";
import { resetDatabase, testDb } from "@/test/integration/database";

/**
 * The limits live in the database, so every app instance counts the same attempts: two limiter
 * objects (two processes) on one key share their counter.
 */
describe("rate limits in the shared store", () => {
  beforeEach(resetDatabase);

  const instance = () =>
    new RateLimiterPrisma({ storeClient: testDb, tableName: "rateLimit", keyPrefix: "test-sign-in", points: 3, duration: 60 });

  it("refuses the attempt past the limit, whichever instance counts it", async () => {
    const [first, second] = [instance(), instance()];
    await first.consume("203.0.113.7");
    await second.consume("203.0.113.7");
    await first.consume("203.0.113.7");
    await expect(second.consume("203.0.113.7")).rejects.toMatchObject({ remainingPoints: 0 });
    // Another address is counted apart.
    await expect(first.consume("198.51.100.1")).resolves.toMatchObject({ remainingPoints: 2 });
    const row = await testDb.rateLimit.findUniqueOrThrow({ where: { key: "test-sign-in:203.0.113.7" } });
    expect(row.points).toBe(4);
  });
});
