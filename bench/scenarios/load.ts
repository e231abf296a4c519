import { loadavg } from "node:os";
import autocannon from "autocannon";
import type { Db } from "@/lib/db/client";
import { benchSessionCookie, percentile, processCpuMs, startBenchServer } from "../app-server";

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
};

const cycle = <T>(items: readonly T[], count: number): T[] => Array.from({ length: count }, (_, index) => items[index % items.length]!);

/** Visitors of each page, from the demo programme: directors, programme managers, reviewers. */
async function targets(db: Db, connections: number): Promise<Target[]> {
  const directors = await db.membership.findMany({
    where: { role: "DIRECTOR", establishment: { applications: { some: {} } } },
    select: { userId: true, establishmentId: true, establishment: { select: { applications: { select: { id: true }, take: 1, orderBy: { createdAt: "desc" } } } } },
    orderBy: { establishmentId: "asc" },
  });
  const managers = await db.user.findMany({ where: { staffRole: "PROGRAMME_MANAGER" }, select: { id: true } });
  const reviewers = await db.user.findMany({ where: { staffRole: "REVIEWER", assignments: { some: {} } }, select: { id: true } });
  const signedIn = async <T extends { userId: string }>(people: readonly T[], path: (person: T) => string) =>
    Promise.all(cycle(people, connections).map(async (person) => ({ path: path(person), cookie: await benchSessionCookie(db, person.userId) })));
  const anonymous = (path: string) => Array.from({ length: connections }, () => ({ path }));
  return [
    { name: "floor: GET /api/health", visitors: anonymous("/api/health") },
    { name: "layout only: sign-in page", visitors: anonymous("/connexion") },
    { name: "establishment page", visitors: await signedIn(directors, (director) => `/etablissements/${director.establishmentId}`) },
    { name: "roster page", visitors: await signedIn(directors, (director) => `/etablissements/${director.establishmentId}/professionnels`) },
    { name: "dossier page", visitors: await signedIn(directors, (director) => `/dossiers/${director.establishment.applications[0]!.id}`) },
    { name: "manager's dossier list", visitors: await signedIn(managers.map((user) => ({ userId: user.id })), () => "/pilotage/dossiers") },
    { name: "reviewer's list", visitors: await signedIn(reviewers.map((user) => ({ userId: user.id })), () => "/instruction") },
  ];
}

async function hammer(server: { url: string; pid: number }, target: Target, seconds: number): Promise<LoadResult> {
  const { url } = server;
  const latencies: number[] = [];
  const cpuBefore = processCpuMs(server.pid);
  let errors = 0;
  let next = 0;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url,
        connections: target.visitors.length,
        duration: seconds,
        // A saturated machine answers slowly: measure the wait rather than cut it at 10 s.
        timeout: 60,
        // Each connection keeps one visitor: their cookie and their own page.
        setupClient: (client) => {
          const visitor = target.visitors[next++ % target.visitors.length]!;
          client.setRequest({ method: "GET", path: visitor.path, headers: visitor.cookie ? { cookie: visitor.cookie } : {} });
        },
      },
      (error, finished) => (error ? reject(error) : resolve(finished)),
    );
    instance.on("response", (_client, statusCode, _bytes, responseTime) => {
      latencies.push(responseTime);
      if (statusCode !== 200) errors += 1;
    });
  });
  latencies.sort((a, b) => a - b);
  return {
    name: target.name,
    requestsPerSecond: result.requests.average,
    p95Ms: percentile(latencies, 0.95),
    p99Ms: percentile(latencies, 0.99),
    requests: latencies.length,
    errors: errors + result.errors + result.timeouts,
    cpuMsPerRequest: (processCpuMs(server.pid) - cpuBefore) / latencies.length,
  };
}

/**
 * Pages under load: the production build on PostgreSQL with the demo programme, `connections`
 * signed-in users asking for each page for `seconds`, then the floor route and the layout alone,
 * all in the same run. Target: each page's 95th percentile within 3× the floor's.
 */
export async function pagesUnderLoad(db: Db, databaseUrl: string, { connections, seconds }: { connections: number; seconds: number }): Promise<LoadResult[]> {
  const server = await startBenchServer(databaseUrl);
  try {
    const plan = await targets(db, connections);
    const results: LoadResult[] = [];
    for (const target of plan) {
      // Warm-up: compiled routes, pools and caches, as in a server that has been running.
      await hammer(server, target, 2);
      results.push(await hammer(server, target, seconds));
    }
    return results;
  } finally {
    await server.stop();
  }
}

export function printLoadResults(results: readonly LoadResult[], connections: number, seconds: number): void {
  const floor = results[0]!;
  console.log(`\nPages under load: ${connections} concurrent signed-in users per page, ${seconds} s each (production build on PostgreSQL; load average ${loadavg().map((load) => load.toFixed(1)).join(", ")} at the end)`);
  const rows = results.map((result, index) => {
    const ratio = result.p95Ms / floor.p95Ms;
    return [
      result.name,
      `${result.requestsPerSecond.toFixed(0)} req/s`,
      `p95 ${Math.round(result.p95Ms)} ms`,
      `p99 ${Math.round(result.p99Ms)} ms`,
      `${result.requests} requests, ${result.errors} errors`,
      `${result.cpuMsPerRequest.toFixed(1)} ms CPU/request`,
      index === 0 ? "floor" : `${ratio.toFixed(2)}× floor (target ≤ 3×: ${ratio <= 3 ? "met" : "MISSED"})`,
    ];
  });
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  for (const row of rows) console.log(row.map((cell, column) => cell.padEnd(widths[column]!)).join("  "));
}
