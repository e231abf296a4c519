import { loadavg } from "node:os";
import { performance } from "node:perf_hooks";
import autocannon from "autocannon";
import type { Db } from "@/lib/db/client";
import { benchSessionCookie, percentile, processCpuMs, settled, startBenchServer } from "../app-server";

/** One page under load: each connection is a signed-in person asking for their own page. */
type Target = { name: string; visitors: Array<{ path: string; cookie?: string }> };

export type LoadResult = {
  name: string;
  requestsPerSecond: number;
  p95Ms: number;
  p99Ms: number;
  requests: number;
  errors: number;
  /** The server process's CPU time per answer: what the page costs, whatever the neighbours do. */
  cpuMsPerRequest: number;
  /** The floor route's 95th percentile in the slices measured alternately with this page. */
  floorP95Ms: number;
};

/** One slice of load on one target: every answer's time, the errors, the server's CPU meanwhile. */
type Slice = { latencies: number[]; errors: number; seconds: number; cpuMs: number };

/** Slices per page, each followed by one of the floor, so that both see the same neighbours. */
const ROUNDS = 3;

const cycle = <T>(items: readonly T[], count: number): T[] => Array.from({ length: count }, (_, index) => items[index % items.length]!);

/** Visitors of each page, from the demo programme: directors, programme managers, reviewers. */
async function targets(db: Db, connections: number): Promise<Target[]> {
  const directors = await db.membership.findMany({
    where: { role: "DIRECTOR", establishment: { applications: { some: {} } } },
    select: {
      userId: true,
      establishmentId: true,
      establishment: { select: { applications: { select: { id: true }, take: 1, orderBy: { createdAt: "desc" } } } },
    },
    orderBy: { establishmentId: "asc" },
  });
  const managers = await db.user.findMany({ where: { staffRole: "PROGRAMME_MANAGER" }, select: { id: true } });
  const reviewers = await db.user.findMany({ where: { staffRole: "REVIEWER", assignments: { some: {} } }, select: { id: true } });
  const signedIn = async <T extends { userId: string }>(people: readonly T[], path: (person: T) => string) =>
    Promise.all(
      cycle(people, connections).map(async (person) => ({ path: path(person), cookie: await benchSessionCookie(db, person.userId) })),
    );
  const anonymous = (path: string) => Array.from({ length: connections }, () => ({ path }));
  return [
    { name: "floor: GET /api/health", visitors: anonymous("/api/health") },
    { name: "layout only: sign-in page", visitors: anonymous("/connexion") },
    { name: "establishment page", visitors: await signedIn(directors, (director) => `/etablissements/${director.establishmentId}`) },
    {
      name: "roster page",
      visitors: await signedIn(directors, (director) => `/etablissements/${director.establishmentId}/professionnels`),
    },
    { name: "dossier page", visitors: await signedIn(directors, (director) => `/dossiers/${director.establishment.applications[0]!.id}`) },
    {
      name: "manager's dossier list",
      visitors: await signedIn(
        managers.map((user) => ({ userId: user.id })),
        () => "/pilotage/dossiers",
      ),
    },
    {
      name: "reviewer's list",
      visitors: await signedIn(
        reviewers.map((user) => ({ userId: user.id })),
        () => "/instruction",
      ),
    },
  ];
}

/**
 * Load on one target, for a time (warm-ups) or for a number of requests (measures: every request
 * made is answered and counted, where a time limit would drop the slowest ones, still under way).
 */
async function hammer(
  server: { url: string; pid: number },
  target: Target,
  size: { seconds: number } | { amount: number },
): Promise<Slice> {
  const latencies: number[] = [];
  const cpuBefore = processCpuMs(server.pid);
  const started = performance.now();
  let errors = 0;
  let next = 0;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: server.url,
        connections: target.visitors.length,
        ...("seconds" in size ? { duration: size.seconds } : { amount: size.amount }),
        // A saturated machine answers slowly: measure the wait rather than cut it at 10 s.
        timeout: 60,
        // Each connection keeps one visitor: their cookie and their own page. `setRequests`, not
        // `setRequest`: the latter changes only the connection's first request, and every later one
        // went to the server's root, anonymous, whatever the target.
        setupClient: (client) => {
          const visitor = target.visitors[next++ % target.visitors.length]!;
          client.setRequests([{ method: "GET", path: visitor.path, headers: visitor.cookie ? { cookie: visitor.cookie } : {} }]);
        },
      },
      (error, finished) => (error ? reject(error) : resolve(finished)),
    );
    instance.on("response", (_client, statusCode, _bytes, responseTime) => {
      latencies.push(responseTime);
      if (statusCode !== 200) errors += 1;
    });
  });
  return {
    latencies,
    errors: errors + result.errors + result.timeouts,
    seconds: (performance.now() - started) / 1000,
    cpuMs: processCpuMs(server.pid) - cpuBefore,
  };
}

function summarize(name: string, slices: readonly Slice[], floor: readonly Slice[]): LoadResult {
  const latencies = slices.flatMap((slice) => slice.latencies).sort((a, b) => a - b);
  const floorLatencies = floor.flatMap((slice) => slice.latencies).sort((a, b) => a - b);
  const sum = (pick: (slice: Slice) => number) => slices.reduce((total, slice) => total + pick(slice), 0);
  return {
    name,
    requestsPerSecond: latencies.length / sum((slice) => slice.seconds),
    p95Ms: percentile(latencies, 0.95),
    p99Ms: percentile(latencies, 0.99),
    requests: latencies.length,
    errors: sum((slice) => slice.errors),
    cpuMsPerRequest: sum((slice) => slice.cpuMs) / latencies.length,
    floorP95Ms: percentile(floorLatencies, 0.95),
  };
}

/**
 * Pages under load: the production build on PostgreSQL with the demo programme, `connections`
 * signed-in users asking for each page for `seconds`, in slices that alternate with slices of the
 * floor route, so that each page is compared with the floor under the same neighbours (the machine
 * may be shared). Target: each page's 95th percentile within 3× the floor's measured beside it.
 */
export async function pagesUnderLoad(
  db: Db,
  databaseUrl: string,
  { connections, seconds }: { connections: number; seconds: number },
): Promise<LoadResult[]> {
  const server = await startBenchServer(databaseUrl);
  try {
    const [floor, ...pages] = await targets(db, connections);
    // The floor's warm-up sizes its slices: on a server still preloading its entries, it answered
    // a few requests a second, and each slice of the floor became one burst of 50 first requests.
    await settled([server]);
    // A slice asks for what the target answered in `seconds / ROUNDS` during its warm-up (at least
    // one request per connection), so that every target gets about `seconds` of load.
    const sliceOf = (warmUp: Slice) => ({
      amount: Math.max(connections, Math.round((warmUp.latencies.length / warmUp.seconds) * (seconds / ROUNDS))),
    });
    // Warm-up: compiled routes, pools and caches, as in a server that has been running.
    const floorSlice = sliceOf(await hammer(server, floor!, { seconds: 2 }));
    const floorSlices: Slice[] = [];
    const results: LoadResult[] = [];
    for (const page of pages) {
      const pageSlice = sliceOf(await hammer(server, page, { seconds: 3 }));
      const pageSlices: Slice[] = [];
      const beside: Slice[] = [];
      for (let round = 0; round < ROUNDS; round += 1) {
        beside.push(await hammer(server, floor!, floorSlice));
        pageSlices.push(await hammer(server, page, pageSlice));
      }
      floorSlices.push(...beside);
      results.push(summarize(page.name, pageSlices, beside));
    }
    return [summarize(floor!.name, floorSlices, floorSlices), ...results];
  } finally {
    await server.stop();
  }
}

export function printLoadResults(results: readonly LoadResult[], connections: number, seconds: number): void {
  console.log(
    `\nPages under load: ${connections} concurrent signed-in users per page, about ${seconds} s each in ${ROUNDS} slices alternating with the floor's, every request answered ` +
      `(production build on PostgreSQL; load average ${loadavg()
        .map((load) => load.toFixed(1))
        .join(", ")} at the end)`,
  );
  const rows = results.map((result, index) => {
    const ratio = result.p95Ms / result.floorP95Ms;
    return [
      result.name,
      `${result.requestsPerSecond.toFixed(0)} req/s`,
      `p95 ${Math.round(result.p95Ms)} ms`,
      `p99 ${Math.round(result.p99Ms)} ms`,
      `${result.requests} requests, ${result.errors} errors`,
      `${result.cpuMsPerRequest.toFixed(1)} ms CPU/request`,
      index === 0
        ? "floor (all its slices)"
        : `${ratio.toFixed(2)}× the floor beside it (p95 ${Math.round(result.floorP95Ms)} ms; target ≤ 3×: ${ratio <= 3 ? "met" : "MISSED"})`,
    ];
  });
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  for (const row of rows) console.log(row.map((cell, column) => cell.padEnd(widths[column]!)).join("  "));
}
