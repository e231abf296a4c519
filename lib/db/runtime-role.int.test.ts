import { randomBytes } from "node:crypto";
import pg from "pg";
import { RateLimiterPrisma } from "rate-limiter-flexible";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { recordAudit } from "@/lib/audit/record-audit";
import { createDb, type Db } from "@/lib/db/client";
import { migrateDatabase } from "@/lib/db/migrations";
import { checkReadiness } from "@/lib/db/readiness";
import { openScratchDatabase, type ScratchDatabase } from "@/lib/db/scratch-database";
import { enqueueJob, installJobQueue, JOB_SCHEMA, startJobs, stopJobs } from "@/lib/jobs/worker";

const serverUrl = inject("testServerUrl");

/**
 * Security check 18 on a real PostgreSQL (roles do not exist in the embedded one, ADR 0036): the
 * owner migrates, the app runs as a LOGIN member of "hospiconnect_runtime", and that role can do
 * the app's work but can neither change the audit log nor switch off or drop its triggers.
 */
describe.skipIf(!serverUrl)("the runtime role on PostgreSQL", () => {
  const suffix = randomBytes(4).toString("hex");
  const owner = `hc_owner_${suffix}`;
  const app = `hc_app_${suffix}`;
  let scratch: ScratchDatabase;
  let runtimeUrl: string;
  let runtime: pg.Client;
  let runtimeDb: Db;

  const as = (role: string, url: string) => {
    const address = new URL(url);
    address.username = role;
    address.password = suffix;
    return address.toString();
  };
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: serverUrl });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };

  beforeAll(async () => {
    scratch = await openScratchDatabase(serverUrl);
    const name = new URL(scratch.url).pathname.slice(1);
    // The owner is no superuser: it owns the database (and so its public schema) and may create roles.
    await admin(`CREATE ROLE ${owner} LOGIN CREATEROLE PASSWORD '${suffix}'`);
    await admin(`ALTER DATABASE "${name}" OWNER TO ${owner}`);
    const ownerUrl = as(owner, scratch.url);
    await migrateDatabase(ownerUrl);
    await installJobQueue(ownerUrl);
    await admin(`CREATE ROLE ${app} LOGIN PASSWORD '${suffix}' IN ROLE hospiconnect_runtime`);
    runtimeUrl = as(app, scratch.url);
    runtime = new pg.Client({ connectionString: runtimeUrl });
    await runtime.connect();
    runtimeDb = createDb(runtimeUrl, 2);
  }, 120_000);

  afterAll(async () => {
    await stopJobs();
    await runtimeDb?.$disconnect();
    await runtime?.end();
    await scratch?.drop();
    await admin(`DROP ROLE IF EXISTS ${app}`);
    await admin(`DROP ROLE IF EXISTS ${owner}`);
  });

  it("writes the app's rows, and an audit entry in the same transaction", async () => {
    const establishment = await runtimeDb.$transaction(async (tx) => {
      const created = await tx.establishment.create({
        data: {
          name: "EHPAD Les Tilleuls",
          finessEt: "750712184",
          finessEj: "690781810",
          categoryCode: "500",
          regionCode: "75",
          departmentCode: "79",
          city: "Bressuire",
          headcount: 40,
        },
      });
      await recordAudit(tx, {
        actor: { id: null, label: "test" },
        action: "establishment.created",
        target: { type: "establishment", id: created.id },
      });
      return created;
    });
    await runtimeDb.establishment.update({ where: { id: establishment.id }, data: { headcount: 41 } });
    expect(await runtimeDb.auditEvent.count({ where: { targetId: establishment.id } })).toBe(1);
    await runtimeDb.establishment.delete({ where: { id: establishment.id } });
  });

  it("serves the rest of the app: readiness, rate limits, the job queue", async () => {
    expect(await checkReadiness(runtimeDb)).toMatchObject({ ready: true });
    const limiter = new RateLimiterPrisma({
      storeClient: runtimeDb,
      tableName: "rateLimit",
      keyPrefix: "runtime-role",
      points: 3,
      duration: 60,
    });
    await expect(limiter.consume("203.0.113.7")).resolves.toMatchObject({ remainingPoints: 2 });
    await startJobs({ connectionString: runtimeUrl, work: false });
    const id = await enqueueJob("daily-snapshots");
    const { rows } = await runtime.query(`SELECT name FROM ${JOB_SCHEMA}.job WHERE id = $1`, [id]);
    expect(rows).toEqual([{ name: "daily-snapshots" }]);
  });

  it("cannot change or empty the audit log: the privilege is missing, before any trigger", async () => {
    await expect(runtime.query(`UPDATE "AuditEvent" SET "actorLabel" = 'x'`)).rejects.toThrow(/permission denied for table AuditEvent/);
    await expect(runtime.query(`DELETE FROM "AuditEvent"`)).rejects.toThrow(/permission denied for table AuditEvent/);
    await expect(runtime.query(`TRUNCATE "AuditEvent"`)).rejects.toThrow(/permission denied for table AuditEvent/);
  });

  it("cannot switch off, drop or take over the triggers that guard it (not the owner)", async () => {
    const notOwner = /must be owner of (table|relation) AuditEvent/;
    await expect(runtime.query(`ALTER TABLE "AuditEvent" DISABLE TRIGGER ALL`)).rejects.toThrow(notOwner);
    await expect(runtime.query(`DROP TRIGGER "AuditEvent_no_update_or_delete" ON "AuditEvent"`)).rejects.toThrow(notOwner);
    await expect(runtime.query(`DROP TABLE "AuditEvent"`)).rejects.toThrow(notOwner);
    await expect(
      runtime.query(
        `CREATE OR REPLACE FUNCTION audit_event_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN OLD; END $$`,
      ),
    ).rejects.toThrow(/must be owner of function audit_event_is_append_only|permission denied for schema/);
    await expect(runtime.query(`SET session_replication_role = replica`)).rejects.toThrow(/permission denied/);
  });
});
