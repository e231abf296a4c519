import { randomUUID } from "node:crypto";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "@/lib/db/client";
import { migrateDatabase } from "@/lib/db/migrations";
import { installJobQueue } from "@/lib/jobs/worker";
import { TestSmtpServer } from "@/lib/notifications/testing/smtp-server";
import { createDraft, createOpenWave, establishmentWithDirector } from "@/test/factories";
import { type AppProcess, sessionCookie, startApp } from "./app-process";
import { type PostgresCluster, startPostgresCluster } from "./postgres-cluster";

/**
 * Security check 18 on a PostgreSQL server of the test's own (ADR 0036): the owner migrates and
 * installs the job queue, the app runs as a LOGIN member of "hospiconnect_runtime". That role does
 * the app's work — a production instance serves a submission (its transition, audit entry and
 * e-mail in one transaction) and its job worker sends the receipt — but can neither change the
 * audit log nor switch off or drop the triggers that guard it.
 */
describe("the app on PostgreSQL as a runtime role that does not own its tables", () => {
  let cluster: PostgresCluster;
  let ownerDb: Db;
  let runtime: pg.Client;
  let smtp: TestSmtpServer;
  let app: AppProcess;

  beforeAll(async () => {
    cluster = await startPostgresCluster();
    const admin = new pg.Client({ connectionString: cluster.url() });
    await admin.connect();
    // The owner is no superuser: it owns the database (and so its public schema) and may create roles.
    await admin.query(`CREATE ROLE hc_owner LOGIN CREATEROLE`);
    await admin.query(`CREATE DATABASE app OWNER hc_owner`);
    const ownerUrl = cluster.url("app").replace("postgres@", "hc_owner@");
    await migrateDatabase(ownerUrl);
    await installJobQueue(ownerUrl);
    await admin.query(`CREATE ROLE hc_app LOGIN IN ROLE hospiconnect_runtime`);
    await admin.end();
    const runtimeUrl = cluster.url("app").replace("postgres@", "hc_app@");
    runtime = new pg.Client({ connectionString: runtimeUrl });
    await runtime.connect();
    ownerDb = createDb(ownerUrl, 2);
    smtp = new TestSmtpServer();
    app = await startApp({
      DATABASE_URL: runtimeUrl,
      SMTP_URL: await smtp.start(),
      STORAGE_DIR: path.join(tmpdir(), `hospiconnect-runtime-role-${randomUUID()}`),
    });
  });

  afterAll(async () => {
    await app?.kill();
    await runtime?.end();
    await ownerDb?.$disconnect();
    await smtp?.stop();
    await cluster?.destroy();
  });

  it("serves the app: ready, a submission written with its audit entry, its receipt e-mailed by the job worker", async () => {
    expect((await fetch(`${app.url}/api/health/ready`)).status).toBe(200);
    const wave = await createOpenWave(ownerDb, { closesAt: new Date(Date.now() + 86_400_000) });
    const { establishment, director } = await establishmentWithDirector(ownerDb);
    const draft = await createDraft(ownerDb, establishment.id, wave, { complete: true });
    const submitted = await fetch(`${app.url}/api/applications/${draft.id}/submission`, {
      method: "POST",
      headers: { Cookie: await sessionCookie(ownerDb, director.userId), Origin: app.url, "Content-Type": "application/json" },
      body: JSON.stringify({ idempotencyKey: randomUUID() }),
    });
    expect(submitted.status).toBe(200);
    expect(await ownerDb.auditEvent.count({ where: { targetId: draft.id, action: "application.submit" } })).toBe(1);
    await expect
      .poll(() => smtp.received.filter((message) => message.to.includes(director.email)).length, { timeout: 150_000 })
      .toBeGreaterThan(0);
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
