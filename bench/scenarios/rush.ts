import { randomUUID } from "node:crypto";
import { loadavg } from "node:os";
import { performance } from "node:perf_hooks";
import type { Db } from "@/lib/db/client";
import { LocalFileStorage } from "@/lib/storage/local-file-storage";
import {
  BENCH_STORAGE_DIR,
  type BenchServer,
  benchSessionCookie,
  cpuOf,
  percentile,
  settled,
  startBenchServer,
  startBenchWorker,
} from "../app-server";
import { createDraft, createOpenWave, establishmentWithDirector, insertRoster, type OpenWave, ROSTER_CASES } from "@/test/factories";

export type RushResult = {
  /** The `next start` processes that served the rush, round-robin, on the one database. */
  instances: number;
  dossiers: number;
  errors: number;
  /** How many answers of each status the submissions got. */
  statuses: Record<string, number>;
  submissions: number;
  receipts: number;
  emailsQueued: number;
  emailsExpected: number;
  p50Ms: number;
  p99Ms: number;
  floorP99Ms: number;
  /** From the rush's start until the job queue had rendered the last receipt. */
  allReceiptsMs: number;
  /** The web servers' CPU time per submission, all instances together (the worker's is apart). */
  cpuMsPerSubmission: number;
  /** The same for the floor's requests. */
  cpuMsPerFloorRequest: number;
};

/** Waits until no submission of these dossiers lacks its receipt (the worker renders them), for at most `timeoutMs`. */
async function receiptsIssued(db: Db, applicationIds: readonly string[], timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (
    (await db.submission.count({ where: { applicationId: { in: [...applicationIds] }, receiptKey: null } })) > 0 &&
    Date.now() < deadline
  ) {
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** `count` requests at the same instant; each one's time from its start to its full answer. */
async function allAtOnce(
  requests: ReadonlyArray<() => Promise<Response>>,
): Promise<{ latencies: number[]; failures: number; statuses: Record<string, number> }> {
  let failures = 0;
  const statuses: Record<string, number> = {};
  const latencies = await Promise.all(
    requests.map(async (request) => {
      const started = performance.now();
      const response = await request().catch(() => null);
      await response?.arrayBuffer();
      if (!response?.ok) failures += 1;
      const status = String(response?.status ?? "network error");
      statuses[status] = (statuses[status] ?? 0) + 1;
      return performance.now() - started;
    }),
  );
  return { latencies: latencies.sort((a, b) => a - b), failures, statuses };
}

type Dossier = { id: string; cookie: string };

/** `count` establishments (a director and a second member each) with their complete dossier, each director signed in. */
async function completeDossiers(db: Db, wave: OpenWave, count: number): Promise<Dossier[]> {
  const dossiers: Dossier[] = [];
  for (let index = 0; index < count; index += 1) {
    const { establishment, director } = await establishmentWithDirector(db);
    await db.user.create({
      data: {
        email: `adjoint.${randomUUID().slice(0, 8)}@bench.fr`,
        displayName: "Adjoint",
        memberships: { create: { establishmentId: establishment.id, role: "EDITOR" } },
      },
    });
    await insertRoster(db, establishment.id, ROSTER_CASES);
    const draft = await createDraft(db, establishment.id, wave, { complete: true });
    dossiers.push({ id: draft.id, cookie: await benchSessionCookie(db, director.userId) });
  }
  return dossiers;
}

const submit = (url: string, dossier: Dossier) =>
  fetch(`${url}/api/applications/${dossier.id}/submission`, {
    method: "POST",
    headers: { cookie: dossier.cookie, origin: url, "content-type": "application/json" },
    body: JSON.stringify({ idempotencyKey: randomUUID() }),
  });

/**
 * The deadline rush: `count` establishments (a director and a second member each) submit their
 * complete dossier at the same instant, each from their own session. Counted afterwards in the
 * database and the storage: submissions, receipts, acknowledgment e-mails queued to every member.
 * The floor is the same number of simultaneous GET /api/health, in the same run. A worker
 * (`npm run worker`) runs beside the server, as in a deployment: it renders the receipts and
 * queues their e-mails after each submission's answer; the scenario waits for the last one.
 *
 * Run once with one `next start`, then, when `instances` > 1, again with that many on the same
 * database (how a deployment scales: one process uses one core), the requests of the rush and of
 * its floor spread round-robin over them, with new dossiers. Both results are returned.
 */
export async function deadlineRush(db: Db, databaseUrl: string, count: number, instances = 1): Promise<RushResult[]> {
  const results = [await rushOnce(db, databaseUrl, count, 1)];
  if (instances > 1) results.push(await rushOnce(db, databaseUrl, count, instances));
  return results;
}

async function rushOnce(db: Db, databaseUrl: string, count: number, instances: number): Promise<RushResult> {
  const wave = await createOpenWave(db, { closesAt: new Date(Date.now() + 7 * 86_400_000) });
  // One more per instance, submitted alone first to warm each server up (routes loaded, PDF fonts read).
  const dossiers = await completeDossiers(db, wave, count + instances);
  const servers: BenchServer[] = [];
  let worker: { stop: () => Promise<void> } | null = null;
  try {
    // One after the other: the first one builds the app when a source changed.
    for (let index = 0; index < instances; index += 1) servers.push(await startBenchServer(databaseUrl));
    worker = startBenchWorker(databaseUrl, servers[0]!.url);
    const warmUps = dossiers.splice(count);
    for (const [index, server] of servers.entries()) {
      await fetch(`${server.url}/api/health`);
      if (!(await submit(server.url, warmUps[index]!)).ok) throw new Error("The warm-up submission failed: see .data/bench-server.log");
    }
    // The worker is up and has rendered the warm-ups' receipts, PDF fonts read.
    await receiptsIssued(
      db,
      warmUps.map((dossier) => dossier.id),
      120_000,
    );
    await settled(servers);
    const serverOf = (index: number) => servers[index % servers.length]!;

    let cpuBefore = cpuOf(servers);
    const floor = await allAtOnce(dossiers.map((_, index) => () => fetch(`${serverOf(index).url}/api/health`)));
    const cpuMsPerFloorRequest = (cpuOf(servers) - cpuBefore) / dossiers.length;
    const rushStarted = performance.now();
    cpuBefore = cpuOf(servers);
    const rush = await allAtOnce(dossiers.map((dossier, index) => () => submit(serverOf(index).url, dossier)));
    const cpuMsPerSubmission = (cpuOf(servers) - cpuBefore) / dossiers.length;
    await receiptsIssued(
      db,
      dossiers.map((dossier) => dossier.id),
      10 * 60_000,
    );
    const allReceiptsMs = performance.now() - rushStarted;
    const ids = dossiers.map((dossier) => dossier.id);
    const submissions = await db.submission.findMany({ where: { applicationId: { in: ids } }, select: { id: true, receiptKey: true } });
    const storage = new LocalFileStorage(BENCH_STORAGE_DIR);
    const receipts = (
      await Promise.all(
        submissions.map(async (submission) => (submission.receiptKey ? (await storage.get(submission.receiptKey)) !== null : false)),
      )
    ).filter(Boolean).length;
    const emailsQueued = await db.outboxEmail.count({
      where: { OR: submissions.map((submission) => ({ dedupeKey: { startsWith: `receipt:${submission.id}:` } })) },
    });
    return {
      instances,
      dossiers: count,
      errors: rush.failures,
      statuses: rush.statuses,
      submissions: submissions.length,
      receipts,
      emailsQueued,
      emailsExpected: await db.membership.count({ where: { establishment: { applications: { some: { id: { in: ids } } } } } }),
      p50Ms: percentile(rush.latencies, 0.5),
      p99Ms: percentile(rush.latencies, 0.99),
      floorP99Ms: percentile(floor.latencies, 0.99),
      allReceiptsMs,
      cpuMsPerSubmission,
      cpuMsPerFloorRequest,
    };
  } finally {
    await worker?.stop();
    await Promise.all(servers.map((server) => server.stop()));
  }
}

/** One paragraph per run: the single instance's first, whatever the others show. */
export function printRushResults(results: readonly RushResult[]): void {
  console.log(
    `\nDeadline rush: ${results[0]?.dossiers} complete dossiers submitted at the same instant (production build on PostgreSQL; load average ${loadavg()
      .map((load) => load.toFixed(1))
      .join(", ")} at the end)`,
  );
  for (const result of results) printRushResult(result);
}

function printRushResult(result: RushResult): void {
  const met =
    result.errors === 0 &&
    result.submissions === result.dossiers &&
    result.receipts === result.dossiers &&
    result.emailsQueued === result.emailsExpected &&
    result.p99Ms < 1000;
  console.log(
    `  ${result.instances === 1 ? "one `next start`" : `${result.instances} × \`next start\` on the one database, round-robin`}:`,
  );
  console.log(
    `    ${result.errors} errors (answers: ${Object.entries(result.statuses)
      .map(([status, count]) => `${count} × ${status}`)
      .join(
        ", ",
      )}), ${result.submissions} submissions, ${result.receipts} receipts stored, ${result.emailsQueued} acknowledgment e-mails queued (${result.emailsExpected} members)`,
  );
  console.log(
    `    submission p50 ${Math.round(result.p50Ms)} ms, p99 ${Math.round(result.p99Ms)} ms, ${result.cpuMsPerSubmission.toFixed(1)} ms of server CPU each; ` +
      `floor (${result.dossiers} × GET /api/health at once) p99 ${Math.round(result.floorP99Ms)} ms, ${result.cpuMsPerFloorRequest.toFixed(1)} ms of server CPU each` +
      `  (target: 0 errors, all written, p99 < 1 s: ${met ? "met" : "MISSED"})`,
  );
  console.log(`    every receipt rendered and e-mailed by the worker ${(result.allReceiptsMs / 1000).toFixed(1)} s after the rush began`);
}
