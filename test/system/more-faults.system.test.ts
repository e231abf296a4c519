import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "@/lib/db/client";
import { migrateDatabase } from "@/lib/db/migrations";
import { createDraft, createOpenWave, establishmentWithDirector, type OpenWave, programmeManager } from "@/test/factories";
import { type AppProcess, SYSTEM_AUTH_SECRET, sessionCookie, startApp } from "./app-process";
import { type PostgresCluster, startPostgresCluster, withClient } from "./postgres-cluster";
import { expectSubmissionsWhole } from "./submissions-whole";

/**
 * Faults the drills of faults.system.test.ts and outages.system.test.ts do not stage, on a
 * PostgreSQL server the test owns: every connection slot taken by others (53300 « too many
 * clients »), the server switched to read-only (25006, as after a failover onto a standby), and a
 * full disk under a write (53100). The server is up all along: the app must still tell the user
 * to retry (French 503 page, JSON `UNAVAILABLE`), never « erreur inattendue », keep serving what
 * it can, write nothing by halves, and serve again by itself once the fault ends. Then the server
 * frozen (SIGSTOP): every page and API call gets the French 503 in bounded time, and the app
 * serves again once it resumes. Last, the app killed
 * while it releases a wave's decisions (ADR 0013): none is released, then all are, once.
 */
/** Low, so that the drill takes every slot in a few dozen connections. */
const MAX_CONNECTIONS = 40;
/**
 * How long a request may wait for its answer while the server is frozen: the app's acquire
 * timeout is 2 s, and a frozen server is found out within a few of them; generous for a loaded
 * machine, and far below the freeze, which lasts as long as the requests do.
 */
const FROZEN_ANSWER_BOUND_MS = 20_000;

type Caller = { cookie: string };
type Dossier = Caller & { applicationId: string; key: string; userId: string };
type Outcome = { status: number; body: string; retryAfter: string | null };

describe("more faults", () => {
  let cluster: PostgresCluster;
  let url: string;
  let db: Db;
  let files: string;
  let app: AppProcess;
  let wave: OpenWave;
  const dossiers: Dossier[] = [];
  /** Whatever a drill left switched on, switched off for the next one. */
  const undo: Array<() => Promise<void>> = [];

  const request = async (caller: Caller, method: string, pathname: string, json?: unknown): Promise<Outcome> => {
    const response = await fetch(`${app.url}${pathname}`, {
      method,
      redirect: "manual",
      headers: { Cookie: caller.cookie, Origin: app.url, ...(json ? { "Content-Type": "application/json" } : {}) },
      body: json ? JSON.stringify(json) : undefined,
      signal: AbortSignal.timeout(60_000),
    });
    return { status: response.status, body: await response.text(), retryAfter: response.headers.get("retry-after") };
  };
  const page = (dossier: Dossier) => request(dossier, "GET", `/dossiers/${dossier.applicationId}`);
  const submit = (dossier: Dossier) =>
    request(dossier, "POST", `/api/applications/${dossier.applicationId}/submission`, { idempotencyKey: dossier.key });

  /** The server's processes: the postmaster (the parent of every backend) and its children. */
  function serverProcesses(): number[] {
    const parentOf = (pid: string) => Number(/^\d+ \(.*\) \S (\d+)/.exec(readFileSync(`/proc/${pid}/stat`, "utf8"))![1]);
    const postmaster = Number(readFileSync(path.join(cluster.dataDir, "postmaster.pid"), "utf8").split("\n")[0]);
    const children = readdirSync("/proc")
      .filter((entry) => /^\d+$/.test(entry))
      .filter((pid) => {
        try {
          return parentOf(pid) === postmaster;
        } catch {
          return false;
        }
      })
      .map(Number);
    return [postmaster, ...children];
  }

  /** A script of scripts/ as one Node.js process (the signal reaches it, not a launcher), its output kept. */
  function runScript(script: string, args: string[], settings: Record<string, string>) {
    const child = spawn(process.execPath, ["--import", "tsx", script, ...args], {
      env: { PATH: process.env.PATH, HOME: process.env.HOME, NODE_ENV: "production", AUTH_SECRET: SYSTEM_AUTH_SECRET, ...settings },
      stdio: ["ignore", "pipe", "pipe"],
    });
    const output: string[] = [];
    child.stdout.on("data", (chunk: Buffer) => output.push(chunk.toString("utf8")));
    child.stderr.on("data", (chunk: Buffer) => output.push(chunk.toString("utf8")));
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
      child.once("exit", (code, signal) => resolve({ code, signal })),
    );
    return { pid: child.pid!, output, exited };
  }

  const onServer = <T>(work: (client: pg.Client) => Promise<T>) => withClient(url, work);

  /** The French 503 page: the user is told to retry, not that something unexpected broke. */
  function expectUnavailablePage(outcome: Outcome) {
    expect(outcome.status, outcome.body.slice(0, 300)).toBe(503);
    expect(outcome.retryAfter).toBeTruthy();
    expect(outcome.body).toContain("Service momentanément indisponible");
  }

  /** The API's 503: code UNAVAILABLE and its French « réessayez » message. */
  function expectUnavailableJson(outcome: Outcome) {
    expect(outcome.status, outcome.body.slice(0, 300)).toBe(503);
    expect(outcome.retryAfter).toBeTruthy();
    expect(JSON.parse(outcome.body).error).toMatchObject({
      code: "UNAVAILABLE",
      message: expect.stringMatching(/momentanément indisponible.*Réessayez/),
    });
  }

  async function newDossier(): Promise<Dossier> {
    const { establishment, director } = await establishmentWithDirector(db);
    const draft = await createDraft(db, establishment.id, wave, { complete: true });
    return {
      applicationId: draft.id,
      key: randomUUID(),
      cookie: await sessionCookie(db, director.userId),
      userId: director.userId,
    };
  }

  beforeAll(async () => {
    cluster = await startPostgresCluster({ maxConnections: MAX_CONNECTIONS });
    files = await mkdtemp(path.join(tmpdir(), "hospiconnect-more-faults-"));
    url = await cluster.createDatabase("app");
    await migrateDatabase(url);
    db = createDb(url, 2);
    wave = await createOpenWave(db, { closesAt: new Date(Date.now() + 30 * 86_400_000) });
    for (let index = 0; index < 6; index += 1) dossiers.push(await newDossier());
    // A lock timeout long enough for the drills that stop the app behind a lock, however loaded the machine.
    app = await startApp({ DATABASE_URL: url, STORAGE_DIR: files, DATABASE_ACQUIRE_TIMEOUT_MS: "2000", DATABASE_LOCK_TIMEOUT_MS: "60000" });
  });

  afterEach(async (context) => {
    if (context.task.result?.state === "fail") console.log(app?.lines.slice(-60).join("\n"));
    for (const step of undo.splice(0).reverse()) await step();
  });

  afterAll(async () => {
    await app?.kill();
    await db?.$disconnect();
    await cluster?.destroy();
    if (files) await rm(files, { recursive: true, force: true });
  });

  it("answers French 503s while others hold every connection slot (53300), then serves again once slots free", async () => {
    const [owner, other] = dossiers as [Dossier, Dossier];
    expect((await page(owner)).status).toBe(200);
    // The app's pool has let its idle connections go (as after 30 s without requests), the
    // availability probe has kept its own; then other clients take every slot the server has.
    await onServer((client) =>
      client.query(
        `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
         WHERE datname = 'app' AND pid <> pg_backend_pid() AND application_name <> 'hospiconnect-probe'`,
      ),
    );
    const holders: pg.Client[] = [];
    const release = async () => {
      await Promise.all(holders.splice(0).map((client) => client.end().catch(() => undefined)));
    };
    undo.push(release);
    for (;;) {
      const client = new pg.Client({ connectionString: url });
      client.on("error", () => undefined);
      const refused = await client.connect().then(
        () => null,
        (error: { code?: string }) => error,
      );
      if (refused) {
        expect(refused.code).toBe("53300");
        break;
      }
      holders.push(client);
      expect(holders.length).toBeLessThanOrEqual(MAX_CONNECTIONS);
    }

    // A page rendering when the refusal comes may still be the error page (ADR 0012); from then
    // on, every page is the French 503 and every API call the JSON one.
    const first = await page(owner);
    expect([500, 503], first.body.slice(0, 300)).toContain(first.status);
    for (const dossier of [owner, other]) expectUnavailablePage(await page(dossier));
    expectUnavailableJson(await submit(owner));
    expectUnavailablePage(await page(other));
    expect((await fetch(`${app.url}/api/health`)).status).toBe(200);

    await release();
    await expect.poll(async () => (await page(owner)).status, { timeout: 15_000, interval: 250 }).toBe(200);
    expect(process.kill(app.pid, 0)).toBe(true);
    await expectSubmissionsWhole(db, [owner.applicationId]);
    expect((await submit(owner)).status).toBe(200);
    await expectSubmissionsWhole(db, [owner.applicationId]);
    expect((await db.application.findUniqueOrThrow({ where: { id: owner.applicationId } })).state).toBe("SUBMITTED");
  });

  it("keeps serving pages while the server is read-only (25006, a failover onto a standby), answers writes 503, then writes again", async () => {
    const [, , reader, writer] = dossiers as [Dossier, Dossier, Dossier, Dossier];
    // Sessions a page touches when it reads them (their last visit is older than a minute).
    await db.session.updateMany({
      where: { userId: { in: [reader.userId, writer.userId] } },
      data: { lastSeenAt: new Date(Date.now() - 10 * 60_000) },
    });
    const readOnly = (on: boolean) =>
      onServer(async (client) => {
        await client.query("SET default_transaction_read_only = off");
        await client.query(on ? "ALTER SYSTEM SET default_transaction_read_only = on" : "ALTER SYSTEM RESET default_transaction_read_only");
        await client.query("SELECT pg_reload_conf()");
      });
    await readOnly(true);
    undo.push(() => readOnly(false));
    // The reload reaches every session, the app's included.
    await expect
      .poll(() =>
        onServer(async (client) => (await client.query("SHOW default_transaction_read_only")).rows[0].default_transaction_read_only),
      )
      .toBe("on");
    await expect.poll(async () => (await page(reader)).status, { timeout: 5_000 }).toBe(200);

    const writes = await Promise.all([submit(writer), submit(reader)]);
    for (const outcome of writes) expectUnavailableJson(outcome);
    for (const dossier of [reader, writer]) {
      const outcome = await page(dossier);
      expect(outcome.status, outcome.body.slice(0, 300)).toBe(200);
    }
    await expectSubmissionsWhole(db, [reader.applicationId, writer.applicationId]);

    await readOnly(false);
    await expect.poll(async () => (await submit(writer)).status, { timeout: 10_000, interval: 250 }).toBe(200);
    expect((await submit(reader)).status).toBe(200);
    await expectSubmissionsWhole(db, [reader.applicationId, writer.applicationId]);
    expect(await db.application.count({ where: { id: { in: [reader.applicationId, writer.applicationId] }, state: "SUBMITTED" } })).toBe(2);
  });

  it("answers a write the server's full disk refuses (53100) with the French 503, writes nothing of it, and keeps serving pages", async () => {
    const [, , , , owner] = dossiers as [Dossier, Dossier, Dossier, Dossier, Dossier];
    // The submission's last insert is the one the disk refuses: the state change and the
    // transition written before it in the same statement must go with it.
    await onServer((client) =>
      client.query(`
        CREATE FUNCTION drill_disk_full() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          RAISE EXCEPTION 'could not extend file "base/16384/16999": No space left on device'
            USING ERRCODE = 'disk_full', HINT = 'Check free disk space.';
        END $$;
        CREATE TRIGGER drill_disk_full BEFORE INSERT ON "Submission" FOR EACH ROW EXECUTE FUNCTION drill_disk_full();`),
    );
    const diskFreed = () => onServer((client) => client.query(`DROP FUNCTION IF EXISTS drill_disk_full() CASCADE`)).then(() => undefined);
    undo.push(diskFreed);

    expectUnavailableJson(await submit(owner));
    await expectSubmissionsWhole(db, [owner.applicationId]);
    expect((await db.application.findUniqueOrThrow({ where: { id: owner.applicationId } })).state).toBe("DRAFT");
    const read = await page(owner);
    expect(read.status, read.body.slice(0, 300)).toBe(200);

    await diskFreed();
    expect((await submit(owner)).status).toBe(200);
    await expectSubmissionsWhole(db, [owner.applicationId]);
    expect((await db.application.findUniqueOrThrow({ where: { id: owner.applicationId } })).state).toBe("SUBMITTED");
  });

  it("answers every page and API call made while the server is frozen (SIGSTOP) with the French 503 in bounded time, then serves again once it resumes", async () => {
    const owner = dossiers[5]!;
    expect((await page(owner)).status).toBe(200);
    const processes = serverProcesses();
    const signal = (name: NodeJS.Signals) => {
      for (const pid of processes) {
        try {
          process.kill(pid, name);
        } catch {
          // ended meanwhile
        }
      }
    };
    /** A request during the freeze: its answer and how long it took, or status 0 when none came in time. */
    const timed = async (kind: "page" | "api", sent: Promise<Outcome>) => {
      const start = Date.now();
      const outcome = await sent.catch((error: unknown) => ({ status: 0, body: String(error), retryAfter: null }));
      return { kind, ...outcome, tookMs: Date.now() - start };
    };
    // Frozen, not down: connections stay open and new ones are accepted by the kernel, but nothing answers.
    signal("SIGSTOP");
    undo.push(async () => signal("SIGCONT"));
    // Sent at once, the first ones find the app's pooled connections open and the server taken for
    // up: they are in flight when nothing answers any more. The later ones are new requests.
    const outcomes: Array<ReturnType<typeof timed>> = [];
    for (let round = 0; round < 3; round += 1) {
      outcomes.push(timed("page", page(owner)), timed("page", request(owner, "GET", "/compte")), timed("api", submit(owner)));
      await new Promise((resolve) => setTimeout(resolve, 3_000));
    }
    // Every answer comes while the server is still frozen: none waits for it to resume.
    const answered = await Promise.all(outcomes);
    signal("SIGCONT");

    // The app's pool notices a connection held longer than the acquire timeout (2 s here), the
    // availability probe finds the server unanswering within as long again, and the connections
    // to it are ended: a bound of a few acquire timeouts, far below the freeze (ADR 0012).
    for (const outcome of answered) {
      expect(outcome.tookMs, `${outcome.kind} ${outcome.status} ${outcome.body.slice(0, 300)}`).toBeLessThan(FROZEN_ANSWER_BOUND_MS);
      if (outcome.kind === "page") expectUnavailablePage(outcome);
      else expectUnavailableJson(outcome);
    }
    await expect.poll(async () => (await page(owner)).status, { timeout: 15_000, interval: 250 }).toBe(200);
    await expectSubmissionsWhole(db, [owner.applicationId]);
    expect((await submit(owner)).status).toBe(200);
    await expectSubmissionsWhole(db, [owner.applicationId]);
    expect((await db.application.findUniqueOrThrow({ where: { id: owner.applicationId } })).state).toBe("SUBMITTED");
  });

  it("refuses to restore a backup killed mid-way, naming it incomplete, and writes nothing", async () => {
    const folder = path.join(files, "sauvegarde-coupee");
    const settings = { DATABASE_URL: url, STORAGE_DIR: files };
    // The backup reads the tables one by one in a snapshot, each through its cursor `rows_of_table`
    // (lib/backup/backup.ts): it stops at this one, the first parts written. (The app's job queue may
    // wait on the lock too: only the backup's cursor says the backup got there.)
    const locker = new pg.Client({ connectionString: url });
    await locker.connect();
    await locker.query(`BEGIN; LOCK TABLE "Submission" IN ACCESS EXCLUSIVE MODE`);
    const backup = runScript("scripts/backup.ts", ["--out", folder], settings);
    try {
      await expect
        .poll(
          () =>
            onServer(
              async (client) =>
                (
                  await client.query(
                    `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = 'app' AND wait_event_type = 'Lock' AND query ILIKE '%rows_of_table%FROM "Submission"%'`,
                  )
                ).rows[0].n,
            ),
          { timeout: 60_000, interval: 50 },
        )
        .toBeGreaterThan(0);
      expect(readdirSync(path.join(folder, "tables")).length).toBeGreaterThan(0);
      process.kill(backup.pid, "SIGKILL");
      expect((await backup.exited).signal).toBe("SIGKILL");
    } finally {
      await locker.query("ROLLBACK");
      await locker.end();
    }

    const target = await cluster.createDatabase("restauree");
    const restore = runScript("scripts/restore.ts", ["--from", folder], { ...settings, DATABASE_URL: target });
    const { code } = await restore.exited;
    expect(code).toBe(1);
    expect(restore.output.join("")).toContain(
      `Restore refused: ${folder} holds no manifest.json: it is not a backup folder, or the backup is incomplete.`,
    );
    // Refused before anything is written: not even the migrations.
    const restored = new pg.Client({ connectionString: target });
    await restored.connect();
    const tables = (await restored.query(`SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = 'public'`)).rows[0].n;
    await restored.end();
    expect(tables).toBe(0);
  });

  it("releases none of a wave's decisions when the app is killed mid-release, then all of them once from a new process", async () => {
    const RELEASED = 30;
    const releasing = await createOpenWave(db, { closesAt: new Date(Date.now() + 30 * 86_400_000) });
    const staged: string[] = [];
    for (let index = 0; index < RELEASED; index += 1) {
      const { establishment } = await establishmentWithDirector(db);
      const draft = await createDraft(db, establishment.id, releasing, { complete: true });
      await db.application.update({ where: { id: draft.id }, data: { state: "SCORED" } });
      await db.decision.create({
        data: { applicationId: draft.id, waveId: releasing.waveId, outcome: "REJECTED", reasons: "Hors du périmètre de la vague." },
      });
      staged.push(draft.id);
    }
    const manager = { cookie: await sessionCookie(db, (await programmeManager(db)).userId) };
    const release = () => request(manager, "POST", `/api/waves/${releasing.waveId}/decisions/release`);
    const wholeOrNone = async () => {
      const rows = await db.application.findMany({
        where: { id: { in: staged } },
        select: {
          state: true,
          decisions: { where: { releasedAt: { not: null } }, select: { id: true } },
          _count: { select: { transitions: true } },
        },
      });
      const emails = await db.outboxEmail.count({ where: { dedupeKey: { startsWith: "decision:" } } });
      const audited = await db.auditEvent.count({ where: { action: "decisions.released", targetId: releasing.waveId } });
      return { rows: rows.map((row) => [row.state, row.decisions.length, row._count.transitions]), emails, audited };
    };

    // The first decision's release waits behind this lock (reads go on): the release has moved
    // every dossier through the state machine and stored a letter, in a transaction still open.
    // Only the release writes decisions here; the job queue's receipts, say, write other tables.
    const locker = new pg.Client({ connectionString: url });
    await locker.connect();
    await locker.query(`BEGIN; LOCK TABLE "Decision" IN EXCLUSIVE MODE`);
    const observer = new pg.Client({ connectionString: url });
    await observer.connect();
    try {
      const cut = release().catch((error: unknown) => ({ status: 0, body: String(error), retryAfter: null }));
      await expect
        .poll(
          async () =>
            (
              await observer.query(
                `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = 'app' AND backend_xid IS NOT NULL
                 AND wait_event_type = 'Lock' AND query ILIKE 'UPDATE%"Decision"%'`,
              )
            ).rows[0].n,
          { timeout: 60_000, interval: 20 },
        )
        .toBeGreaterThan(0);
      await app.kill("SIGKILL");
      expect((await cut).status).toBe(0);
    } finally {
      await locker.query("ROLLBACK");
      await Promise.all([locker.end(), observer.end()]);
    }
    // PostgreSQL rolls back the dead process's transaction: not one decision is out.
    await expect
      .poll(
        () =>
          onServer(
            async (client) =>
              (
                await client.query(
                  `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = 'app' AND xact_start IS NOT NULL AND pid <> pg_backend_pid()`,
                )
              ).rows[0].n,
          ),
        { timeout: 30_000 },
      )
      .toBe(0);
    expect(await wholeOrNone()).toEqual({ rows: staged.map(() => ["SCORED", 0, 0]), emails: 0, audited: 0 });
    expect(await db.tranche.count({ where: { applicationId: { in: staged } } })).toBe(0);

    app = await startApp({ DATABASE_URL: url, STORAGE_DIR: files, DATABASE_ACQUIRE_TIMEOUT_MS: "2000" });
    const done = await release();
    expect(done.status, done.body.slice(0, 300)).toBe(200);
    expect((await release()).status).toBe(200);
    // Each establishment's one member gets one e-mail; the second release found nothing left.
    expect(await wholeOrNone()).toEqual({ rows: staged.map(() => ["REJECTED", 1, 1]), emails: RELEASED, audited: 1 });
  });
});
