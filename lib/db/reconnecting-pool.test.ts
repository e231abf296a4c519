import pg from "pg";
import { describe, expect, it, vi } from "vitest";
import { ReconnectingPrismaPg, readsOnly } from "./reconnecting-pool";

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

const TERMINATED = () =>
  Object.assign(new Error("terminating connection due to administrator command"), { code: "57P01", severity: "FATAL" });
const RESET = () => Object.assign(new Error("read ECONNRESET"), { code: "ECONNRESET", syscall: "read", errno: -104 });

/** A pooled connection that answers every statement, or one that is dead, whose statements fail. */
function fakeConnection(ended: false | (() => Error)) {
  const sent: string[] = [];
  return {
    sent,
    release: vi.fn(),
    on: vi.fn(),
    removeListener: vi.fn(),
    query: vi.fn(async ({ text }: { text: string }) => {
      sent.push(text);
      if (ended) throw ended();
      return { command: text, rowCount: 0, rows: [], fields: [] };
    }),
  };
}

describe("a transaction started on a connection the server ended", () => {
  const adapterOn = async (connections: Array<ReturnType<typeof fakeConnection> | Error>) => {
    const pool = new pg.Pool({ max: 3 });
    const connect = vi.fn(async () => {
      const next = connections.shift();
      if (next === undefined || next instanceof Error) throw next ?? new Error("no connection left");
      return next;
    });
    pool.connect = connect as unknown as pg.Pool["connect"];
    return { adapter: await new ReconnectingPrismaPg(pool).connect(), connect };
  };

  it.each([
    ["ended by the server", TERMINATED],
    ["whose socket was reset", RESET],
  ])("starts again on another connection, the one %s dropped", async (_name, failure) => {
    const dead = fakeConnection(failure);
    const live = fakeConnection(false);
    const { adapter } = await adapterOn([dead, live]);
    const transaction = await adapter.startTransaction("REPEATABLE READ");
    await transaction.executeRaw({ sql: "UPDATE t SET n = 1", args: [], argTypes: [] });
    expect(dead.sent).toEqual(["BEGIN"]);
    expect(dead.release).toHaveBeenCalledWith(expect.any(Error));
    expect(live.sent).toEqual(["BEGIN", "SET TRANSACTION ISOLATION LEVEL REPEATABLE READ", "UPDATE t SET n = 1"]);
  });

  it("never runs a statement of the transaction again", async () => {
    const live = fakeConnection(false);
    const { adapter, connect } = await adapterOn([live, fakeConnection(false)]);
    const transaction = await adapter.startTransaction();
    live.query.mockRejectedValueOnce(new Error("Connection terminated unexpectedly"));
    await expect(transaction.executeRaw({ sql: "UPDATE t SET n = 1", args: [], argTypes: [] })).rejects.toThrow(/terminated/);
    expect(connect).toHaveBeenCalledTimes(1);
  });

  it("does not try again a server that refuses connections, and stops after as many dead connections as the pool holds", async () => {
    const refused = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), {
      code: "ECONNREFUSED",
      syscall: "connect",
      errno: -111,
    });
    const away = await adapterOn([refused, fakeConnection(false)]);
    await expect(away.adapter.startTransaction()).rejects.toThrow();
    expect(away.connect).toHaveBeenCalledTimes(1);

    const allDead = await adapterOn(Array.from({ length: 6 }, () => fakeConnection(TERMINATED)));
    await expect(allDead.adapter.startTransaction()).rejects.toThrow();
    expect(allDead.connect).toHaveBeenCalledTimes(4);
  });
});
