import { describe, expect, it } from "vitest";
import { readsOnly } from "./reconnecting-pool";

describe("a statement run again after its connection was lost", () => {
  it.each([
    ['SELECT "id" FROM "User" WHERE "email" = $1', true],
    ["  select 1", true],
    ['WITH flags AS (SELECT 1), people AS (SELECT "updatedAt" FROM "Professional") SELECT * FROM flags, people', true],
  ])("reads only: %s", (text, expected) => {
    expect(readsOnly(text)).toBe(expected);
  });

  it.each([
    'INSERT INTO "AuditEvent" DEFAULT VALUES',
    'UPDATE "User" SET "email" = $1',
    'WITH gone AS (DELETE FROM "Session" WHERE "expiresAt" < now() RETURNING 1) SELECT count(*) FROM gone',
    'SELECT "id" FROM "Application" WHERE "id" = $1 FOR UPDATE',
    "BEGIN",
  ])("writes, locks or opens a transaction: %s", (text) => {
    expect(readsOnly(text)).toBe(false);
  });
});
