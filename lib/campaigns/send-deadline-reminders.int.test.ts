import { beforeEach, describe, expect, it, vi } from "vitest";
import { requestDelivery } from "@/lib/jobs/worker";
import { startApplication } from "@/lib/applications/start-application";
import { parisDateTime } from "@/lib/time/paris";
import { resetDatabase, testDb } from "@/test/integration/database";
import { createWave } from "./create-wave";
import { grantDeadlineExtension } from "./grant-deadline-extension";
import { sendDeadlineReminders } from "./send-deadline-reminders";
import { establishmentWithDirector, insertCampaign, programmeManager, waveForm, WAVE_FORM_CREATED_AT } from "@/test/factories";

// Whether the job asks for its e-mails' delivery at once, as every use case that queues some does.
vi.mock("@/lib/jobs/worker", () => import("@/test/integration/job-requests"));

/**
 * Reminders to unsubmitted drafts, on the mornings 7 and 2 days before the deadline (closing:
 * 31 March 2027 23:59, Paris; summer time starts on 28 March).
 */
describe("deadline reminders job", () => {
  beforeEach(async () => {
    await resetDatabase();
    vi.mocked(requestDelivery).mockClear();
  });

  async function setUp() {
    const manager = await programmeManager(testDb);
    const { id } = await insertCampaign(testDb);
    const { waveId } = await createWave(manager, id, waveForm({ eligibleCategoryCodes: ["500"] }), null, WAVE_FORM_CREATED_AT);
    const draft = await establishmentWithDirector(testDb, { categoryCode: "500" });
    const editor = await testDb.user.create({
      data: {
        email: "co-redaction@test.fr",
        displayName: "Co-rédacteur",
        memberships: { create: { establishmentId: draft.establishment.id, role: "EDITOR" } },
      },
    });
    const { applicationId } = await startApplication(
      draft.director,
      { waveId, establishmentId: draft.establishment.id },
      null,
      parisDateTime("2027-02-01T10:00"),
    );
    const submitted = await establishmentWithDirector(testDb, { categoryCode: "500" });
    const other = await startApplication(
      submitted.director,
      { waveId, establishmentId: submitted.establishment.id },
      null,
      parisDateTime("2027-02-01T10:00"),
    );
    await testDb.application.update({ where: { id: other.applicationId }, data: { state: "SUBMITTED" } });
    return { manager, waveId, draft, editor, applicationId };
  }

  const keys = () => testDb.outboxEmail.findMany({ orderBy: { dedupeKey: "asc" }, select: { dedupeKey: true, to: true } });

  it("e-mails every member of a draft once at 7 days, once at 2 days, never a submitted dossier", async () => {
    const { draft, editor, applicationId } = await setUp();
    const deadline = parisDateTime("2027-03-31T23:59").toISOString();
    expect(await sendDeadlineReminders(parisDateTime("2027-03-24T08:59"))).toEqual({ enqueued: 0 });
    expect(await testDb.outboxEmail.count()).toBe(0);

    // On the morning of the 7th day before, not at the deadline's own time (23:59).
    expect(await sendDeadlineReminders(parisDateTime("2027-03-24T09:00"))).toEqual({ enqueued: 2 });
    expect(await sendDeadlineReminders(parisDateTime("2027-03-24T23:59"))).toEqual({ enqueued: 0 });
    expect(await keys()).toEqual(
      [
        { dedupeKey: `reminder-7d:${applicationId}:${deadline}:${draft.director.userId}`, to: draft.director.email },
        { dedupeKey: `reminder-7d:${applicationId}:${deadline}:${editor.id}`, to: editor.email },
      ].sort((a, b) => a.dedupeKey.localeCompare(b.dedupeKey)),
    );
    const [email] = await testDb.outboxEmail.findMany({ take: 1, select: { subject: true, text: true } });
    expect(email?.subject).toBe(
      `Rappel\u00a0: dossier HospiConnect de «\u00a0${draft.establishment.name}\u00a0» à déposer avant le 31 mars 2027 à 23\u00a0h\u00a059`,
    );
    expect(email?.text).toContain(`/dossiers/${applicationId}`);

    expect(await sendDeadlineReminders(parisDateTime("2027-03-29T08:59"))).toEqual({ enqueued: 0 });
    expect(await sendDeadlineReminders(parisDateTime("2027-03-29T09:00"))).toEqual({ enqueued: 2 });
    expect(await sendDeadlineReminders(parisDateTime("2027-04-01T09:00"))).toEqual({ enqueued: 0 });
    expect((await keys()).filter((row) => row.dedupeKey.startsWith("reminder-2d:"))).toHaveLength(2);
  });

  it("follows an extension: no 2-day reminder before the new deadline's", async () => {
    const { manager, waveId, draft, applicationId } = await setUp();
    await grantDeadlineExtension(
      manager,
      waveId,
      { finessEt: draft.establishment.finessEt, newClosesAt: "2027-04-20T12:00", reason: "Incident." },
      null,
      parisDateTime("2027-03-20T10:00"),
    );
    await testDb.outboxEmail.deleteMany();
    expect(await sendDeadlineReminders(parisDateTime("2027-03-30T09:00"))).toEqual({ enqueued: 0 });
    expect(await sendDeadlineReminders(parisDateTime("2027-04-13T12:00"))).toEqual({ enqueued: 2 });
    expect((await keys()).every((row) => row.dedupeKey.startsWith(`reminder-7d:${applicationId}:`))).toBe(true);
  });

  it("reminds again, once per deadline, of a deadline extended after the wave's own reminders", async () => {
    const { manager, waveId, draft, applicationId } = await setUp();
    expect(await sendDeadlineReminders(parisDateTime("2027-03-25T08:00"))).toEqual({ enqueued: 2 });
    expect(await sendDeadlineReminders(parisDateTime("2027-03-30T09:00"))).toEqual({ enqueued: 2 });
    await grantDeadlineExtension(
      manager,
      waveId,
      { finessEt: draft.establishment.finessEt, newClosesAt: "2027-04-20T12:00", reason: "Incident." },
      null,
      parisDateTime("2027-03-30T10:00"),
    );
    const reminders = async () =>
      testDb.outboxEmail.findMany({
        where: { dedupeKey: { startsWith: "reminder-" } },
        orderBy: { createdAt: "asc" },
        select: { subject: true },
      });
    expect(await reminders()).toHaveLength(4);

    expect(await sendDeadlineReminders(parisDateTime("2027-04-13T12:00"))).toEqual({ enqueued: 2 });
    expect(await sendDeadlineReminders(parisDateTime("2027-04-13T12:01"))).toEqual({ enqueued: 0 });
    expect(await sendDeadlineReminders(parisDateTime("2027-04-18T12:00"))).toEqual({ enqueued: 2 });
    expect(await sendDeadlineReminders(parisDateTime("2027-04-19T12:00"))).toEqual({ enqueued: 0 });
    const subjects = (await reminders()).map((row) => row.subject);
    expect(subjects.slice(4)).toEqual(Array(4).fill(expect.stringContaining("avant le 20 avril 2027 à 12\u00a0h\u00a000")));
    const extended = parisDateTime("2027-04-20T12:00").toISOString();
    for (const kind of ["7d", "2d"]) {
      expect(
        await testDb.outboxEmail.count({ where: { dedupeKey: { startsWith: `reminder-${kind}:${applicationId}:${extended}:` } } }),
      ).toBe(2);
    }
  });

  it("asks for the reminders' delivery at once, after queuing them, and not when it queued none", async () => {
    await setUp();
    await sendDeadlineReminders(parisDateTime("2027-03-24T08:59"));
    expect(requestDelivery).not.toHaveBeenCalled();
    await sendDeadlineReminders(parisDateTime("2027-03-24T09:00"));
    expect(requestDelivery).toHaveBeenCalledOnce();
    await sendDeadlineReminders(parisDateTime("2027-03-24T09:01"));
    expect(requestDelivery).toHaveBeenCalledOnce();
  });
});
