import http from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "@/lib/db/client";
import { migrateDatabase } from "@/lib/db/migrations";
import { largeTemplateCsv, templateCsv } from "@/lib/roster/import/fixtures.test-helpers";
import { type AppProcess, sessionCookie, startApp } from "./app-process";
import { type PostgresCluster, startPostgresCluster } from "./postgres-cluster";
import { establishmentWithDirector } from "@/test/factories";

/**
 * A director imports a large valid roster file (about 12 MiB, 80,000 lines): while the production
 * build checks it and then commits it, the process keeps answering everybody else. Probes ask
 * /api/health and the sign-in page every 75 ms. Read, planned and written in one go, the file held
 * every answer 14 s during the check and 23 s during the commit (load 10); giving way as they go
 * (ADR 0006, amended 7 December), the longest wait was 0.55 s during the check and up to 5.6 s,
 * once, during the commit (p99 0.6 s), at load 20 on 2 cores, where a wall-clock wait is many
 * times the CPU behind it. The bounds on a wait are a behaviour (the app keeps answering), not a
 * timing of the import; the tight bound, in CPU time, is `lib/roster/large-import.test.ts`'s.
 */
const LINES = 80_000;
/** Five times the longest wait measured on the loaded machine, a fifth of the stall before. */
const CHECK_BOUND_MS = 3_000;
/** Above the commit's one long wait left (not located, ADR 0006), a third of the stall before. */
const COMMIT_BOUND_MS = 8_000;

/** Milliseconds to a whole answer of `url`, on a connection of its own (no keep-alive race). */
function timedGet(url: string): Promise<number> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    http
      .get(url, { agent: false }, (response) => {
        response.resume();
        response.once("end", () =>
          response.statusCode === 200 ? resolve(performance.now() - started) : reject(new Error(`${url}: ${response.statusCode}`)),
        );
      })
      .once("error", reject);
  });
}

/** Asks `url` every 75 ms until stopped; the latencies of its answers. */
function probe(url: string): { stop: () => Promise<number[]> } {
  const latencies: number[] = [];
  let running = true;
  const loop = (async () => {
    while (running) {
      latencies.push(await timedGet(url));
      await new Promise((resolve) => setTimeout(resolve, 75));
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      return latencies;
    },
  };
}

/** Probes /api/health and a page while `work` runs. */
async function probed<T>(appUrl: string, work: () => Promise<T>) {
  const health = probe(`${appUrl}/api/health`);
  const page = probe(`${appUrl}/connexion`);
  const startedAt = performance.now();
  const result = await work();
  const durationMs = performance.now() - startedAt;
  return { result, durationMs, health: await health.stop(), page: await page.stop() };
}

const percentile = (values: number[], share: number) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * share))]!;

describe("a large roster import", () => {
  let cluster: PostgresCluster;
  let db: Db;
  let app: AppProcess;
  let establishmentId: string;
  let cookie: string;
  let warmUp: { establishmentId: string; cookie: string };

  beforeAll(async () => {
    cluster = await startPostgresCluster();
    const url = await cluster.createDatabase("app");
    await migrateDatabase(url);
    db = createDb(url, 2);
    const { establishment, director } = await establishmentWithDirector(db);
    establishmentId = establishment.id;
    cookie = await sessionCookie(db, director.userId);
    // A second establishment, whose director warms the routes up (below) without touching the first's roster.
    const other = await establishmentWithDirector(db);
    warmUp = { establishmentId: other.establishment.id, cookie: await sessionCookie(db, other.director.userId) };
    app = await startApp({ DATABASE_URL: url, STORAGE_DIR: path.join(tmpdir(), `hospiconnect-large-import-${process.pid}`) });
  });

  afterAll(async () => {
    await app?.kill();
    await db?.$disconnect();
    await cluster?.destroy();
  });

  it("keeps answering other requests while the file is checked and committed", async () => {
    // The first request to a route loads its code (the import's: Papa Parse, exceljs…), seconds on the
    // loaded machine during which nobody is answered: a cold start, not the import. A one-line file
    // is checked and committed first, and the sign-in page shown once.
    const small = new FormData();
    small.append("file", new Blob([templateCsv([{}])], { type: "text/csv" }), "registre.csv");
    const warmBase = `${app.url}/api/establishments/${warmUp.establishmentId}/roster/imports`;
    const warmHeaders = { cookie: warmUp.cookie, origin: app.url };
    const warmPreview = await fetch(warmBase, { method: "POST", headers: warmHeaders, body: small });
    const { importId: warmImportId } = (await warmPreview.json()) as { importId: string };
    expect((await fetch(`${warmBase}/${warmImportId}/commit`, { method: "POST", headers: warmHeaders })).status).toBe(200);
    await timedGet(`${app.url}/connexion`);

    const file = largeTemplateCsv(LINES);
    const headers = { cookie, origin: app.url };
    const base = `${app.url}/api/establishments/${establishmentId}/roster/imports`;
    const form = new FormData();
    form.append("file", new Blob([file], { type: "text/csv" }), "registre.csv");
    // The multipart body is encoded before the probes start: they measure the app, not this process.
    const upload = new Request(base, { method: "POST", body: form });
    const body = new Uint8Array(await upload.arrayBuffer());
    const contentType = upload.headers.get("content-type")!;

    const preview = await probed(app.url, () =>
      fetch(base, { method: "POST", headers: { ...headers, "content-type": contentType }, body }),
    );
    expect(preview.result.status).toBe(200);
    const { importId } = (await preview.result.json()) as { importId: string };
    const commit = await probed(app.url, () => fetch(`${base}/${importId}/commit`, { method: "POST", headers }));
    expect(commit.result.status).toBe(200);
    expect(await commit.result.json()).toMatchObject({ created: LINES, rejected: 0 });

    const figures = (step: string, run: typeof preview) =>
      `${step} ${Math.round(run.durationMs)} ms: /api/health max ${Math.round(Math.max(...run.health))} ms, p99 ${Math.round(percentile(run.health, 0.99))} ms (${run.health.length} answers); ` +
      `page /connexion max ${Math.round(Math.max(...run.page))} ms, p99 ${Math.round(percentile(run.page, 0.99))} ms (${run.page.length} answers).`;
    console.log(
      `${(file.byteLength / 1048576).toFixed(1)} MiB, ${LINES} lines. ${figures("Preview", preview)} ${figures("Commit", commit)}`,
    );
    expect(Math.max(...preview.health)).toBeLessThan(CHECK_BOUND_MS);
    expect(Math.max(...commit.health)).toBeLessThan(COMMIT_BOUND_MS);
  });
});
