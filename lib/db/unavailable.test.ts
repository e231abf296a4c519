import { describe, expect, it } from "vitest";
import { isConnectionLost, isDatabaseTimeout, isDatabaseUnavailable, isOutOfConnections, isUnanswered } from "./unavailable";

describe("database outage errors", () => {
  it.each([
    ["pg, the server went away", new Error("Connection terminated unexpectedly")],
    ["Prisma, server unreachable", Object.assign(new Error("Can't reach database server at 127.0.0.1:5432"), { code: "P1001" })],
    ["Prisma, pool timeout", Object.assign(new Error("Timed out fetching a new connection"), { code: "P2024" })],
    [
      "Prisma raw query, through the adapter",
      Object.assign(new Error("Raw query failed."), {
        code: "P2010",
        meta: { driverAdapterError: { name: "DriverAdapterError", cause: { kind: "DatabaseNotReachable" } } },
      }),
    ],
    [
      "PostgreSQL shutting down (57P01)",
      Object.assign(new Error("terminating connection due to administrator command"), { code: "57P01" }),
    ],
    ["PostgreSQL starting up (57P03)", Object.assign(new Error("the database system is starting up"), { code: "57P03" })],
    [
      "connection refused, as a cause",
      new Error("query failed", { cause: Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" }) }),
    ],
    // What Prisma's pg adapter passes on of the server's refusals, met in test/system/more-faults.system.test.ts.
    [
      "every connection slot taken (53300)",
      Object.assign(new Error("Raw query failed. Code: `53300`. Message: `sorry, too many clients already`"), {
        code: "P2010",
        meta: {
          driverAdapterError: {
            name: "DriverAdapterError",
            cause: { originalCode: "53300", kind: "postgres", code: "53300", message: "sorry, too many clients already" },
          },
        },
      }),
    ],
    ["every connection slot taken, as pg gives it", Object.assign(new Error("sorry, too many clients already"), { code: "53300" })],
    [
      "a full disk (53100)",
      Object.assign(new Error("Raw query failed. Code: `53100`."), {
        code: "P2010",
        meta: { driverAdapterError: { name: "DriverAdapterError", cause: { originalCode: "53100", kind: "postgres", code: "53100" } } },
      }),
    ],
    [
      "a read-only server (25006), after a failover onto a standby",
      Object.assign(new Error("Database error. Code: `25006`. Message: `cannot execute UPDATE in a read-only transaction`"), {
        name: "DriverAdapterError",
        cause: { originalCode: "25006", kind: "postgres", code: "25006" },
      }),
    ],
  ])("%s is an outage", (_name, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it.each([
    ["a unique violation", Object.assign(new Error("Unique constraint failed"), { code: "P2002" })],
    ["a syntax error (42601)", Object.assign(new Error("syntax error at or near"), { code: "42601" })],
    ["a bug", new TypeError("Cannot read properties of undefined")],
    ["not an error", "Connection"],
  ])("%s is not", (_name, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
  });

  it("tells a server out of connection slots from other outages", () => {
    const refused = Object.assign(new Error("sorry, too many clients already"), { code: "53300" });
    expect(isOutOfConnections(refused)).toBe(true);
    expect(isOutOfConnections(new Error("query failed", { cause: refused }))).toBe(true);
    expect(
      isOutOfConnections(
        Object.assign(new Error("Too many database connections opened"), {
          code: "P2037",
          meta: { driverAdapterError: { name: "DriverAdapterError", cause: { kind: "TooManyConnections" } } },
        }),
      ),
    ).toBe(true);
    expect(isDatabaseTimeout(refused)).toBe(false);
    expect(isOutOfConnections(Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" }))).toBe(false);
    expect(isOutOfConnections(Object.assign(new Error("No space left on device"), { code: "53100" }))).toBe(false);
  });

  it("tells a database too slow to answer from one that is away", () => {
    expect(isDatabaseTimeout(new Error("timeout exceeded when trying to connect"))).toBe(true);
    expect(
      isDatabaseTimeout(Object.assign(new Error("Timed out fetching a new connection from the connection pool"), { code: "P2024" })),
    ).toBe(true);
    expect(
      isDatabaseTimeout(
        Object.assign(new Error("Transaction API error: Unable to start a transaction in the given time."), { code: "P2028" }),
      ),
    ).toBe(true);
    // What PostgreSQL cancelled after `lock_timeout` or `statement_timeout`, as Prisma's pg adapter passes it on.
    for (const [code, message] of [
      ["55P03", "canceling statement due to lock timeout"],
      ["57014", "canceling statement due to statement timeout"],
    ]) {
      const cancelled = Object.assign(new Error("Raw query failed."), {
        code: "P2010",
        meta: { driverAdapterError: { name: "DriverAdapterError", cause: { originalCode: code, kind: "postgres", code, message } } },
      });
      expect([isDatabaseUnavailable(cancelled), isDatabaseTimeout(cancelled)], code).toEqual([true, true]);
    }
    expect(isDatabaseTimeout(new Error("Connection terminated unexpectedly"))).toBe(false);
    expect(isDatabaseTimeout(Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" }))).toBe(false);
  });

  it.each([
    ["terminated (57P01)", Object.assign(new Error("terminating connection due to administrator command"), { code: "57P01" }), true],
    [
      "ended by the idle-session timeout (57P05)",
      Object.assign(new Error("terminating connection due to idle-session timeout"), { code: "57P05" }),
      true,
    ],
    ["closed under a query", new Error("Connection terminated unexpectedly"), true],
    ["a connection pg had already found broken", new Error("Client has encountered a connection error and is not queryable"), true],
    ["reset", Object.assign(new Error("read ECONNRESET"), { code: "ECONNRESET" }), true],
    ["refused: never opened", Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" }), false],
    ["no connection free in time", new Error("timeout exceeded when trying to connect"), false],
    [
      "never accepted by a server that does not answer",
      new Error("Connection terminated due to connection timeout", { cause: new Error("Connection terminated unexpectedly") }),
      false,
    ],
    [
      "a statement cancelled by its timeout (57014)",
      Object.assign(new Error("canceling statement due to statement timeout"), { code: "57014" }),
      false,
    ],
    ["the server starting up (57P03)", Object.assign(new Error("the database system is starting up"), { code: "57P03" }), false],
    // As Prisma's pg adapter passes them on, when a transaction starts.
    [
      "terminated, through the adapter",
      Object.assign(new Error("terminating connection due to administrator command"), {
        name: "DriverAdapterError",
        cause: { kind: "postgres", code: "57P01", originalCode: "57P01", message: "terminating connection due to administrator command" },
      }),
      true,
    ],
    [
      "reset, through the adapter",
      Object.assign(new Error("ConnectionClosed"), { name: "DriverAdapterError", cause: { kind: "ConnectionClosed" } }),
      true,
    ],
    [
      "refused, through the adapter",
      Object.assign(new Error("DatabaseNotReachable"), {
        name: "DriverAdapterError",
        cause: { kind: "DatabaseNotReachable", port: 5432 },
      }),
      false,
    ],
    [
      "a unique violation, through the adapter",
      Object.assign(new Error("UniqueConstraintViolation"), {
        name: "DriverAdapterError",
        cause: { kind: "UniqueConstraintViolation", originalCode: "23505" },
      }),
      false,
    ],
  ])("a connection %s: lost %s", (_name, error, lost) => {
    expect(isConnectionLost(error)).toBe(lost);
  });

  it("tells a server that said nothing in time from one that refused or cancelled", () => {
    const unanswered = [
      new Error("Query read timeout"),
      new Error("Connection terminated due to connection timeout", { cause: new Error("Connection terminated unexpectedly") }),
      Object.assign(new Error("Raw query failed."), { meta: { driverAdapterError: { cause: new Error("Query read timeout") } } }),
    ];
    for (const error of unanswered) {
      expect([isUnanswered(error), isDatabaseUnavailable(error), isDatabaseTimeout(error)], error.message).toEqual([true, true, false]);
    }
    for (const error of [
      new Error("Connection terminated unexpectedly"),
      new Error("timeout exceeded when trying to connect"),
      Object.assign(new Error("canceling statement due to statement timeout"), { code: "57014" }),
      Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" }),
    ]) {
      expect(isUnanswered(error), error.message).toBe(false);
    }
  });
});
