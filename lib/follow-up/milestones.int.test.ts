import { beforeEach, describe, expect, it, vi } from "vitest";
import { requestDelivery } from "@/lib/jobs/worker";
import { createSelectedDossier, createUser, directorOf } from "@/test/factories";
import { resetDatabase, testDb } from "@/test/integration/database";
import { getFollowUp } from "./get-follow-up";
import { recordMilestones } from "./record-milestones";
import { sendFollowUpReminders } from "./send-follow-up-reminders";

/** 10 March 2027, 10:00 in Paris. */
const NOW = new Date("2027-03-10T09:00:00Z");

async function dossierWithTimeline(options: Parameters<typeof createSelectedDossier>[1] = {}) {
  const dossier = await createSelectedDossier(testDb, options);
  await testDb.milestone.deleteMany({ where: { applicationId: dossier.id } });
  await testDb.milestone.createMany({
    data: [
      { applicationId: dossier.id, label: "Inventaire des accès", dueDate: new Date("2027-03-09T00:00:00Z"), position: 0 },
      { applicationId: dossier.id, label: "Enrôlement e-CPS", dueDate: new Date("2027-03-15T00:00:00Z"), position: 1 },
      { applicationId: dossier.id, label: "Clés FIDO2", dueDate: new Date("2027-06-01T00:00:00Z"), position: 2 },
    ],
  });
  const milestones = await testDb.milestone.findMany({
    where: { applicationId: dossier.id },
    orderBy: { position: "asc" },
    select: { id: true },
  });
  return { dossier, director: await directorOf(testDb, dossier.establishment.id), ids: milestones.map((milestone) => milestone.id) };
}

// Whether the reminders job asks for its e-mails' delivery at once, as every use case that queues some does.
vi.mock("@/lib/jobs/worker", () => import("@/test/integration/job-requests"));

describe("milestones and follow-up reminders", () => {
  beforeEach(resetDatabase);

  it("shows the timeline as milestones, late once past in Paris, done once the director records it (audited); others may not record", async () => {
    const { dossier, director, ids } = await dossierWithTimeline();
    expect((await getFollowUp(director, dossier.id, NOW)).milestones.map((milestone) => milestone.status)).toEqual([
      "LATE",
      "PLANNED",
      "PLANNED",
    ]);

    await expect(
      recordMilestones(director, dossier.id, { milestones: [{ id: ids[0]!, doneOn: "2027-03-11" }], ip: null }, NOW),
    ).rejects.toMatchObject({
      code: "INVALID_INPUT",
      fieldErrors: { "milestones.0.doneOn": ["Un jalon ne peut pas être réalisé dans le futur."] },
    });
    await expect(
      recordMilestones(director, dossier.id, { milestones: [{ id: ids[1]!, doneOn: "2001-01-01" }], ip: null }, NOW),
    ).rejects.toMatchObject({
      code: "INVALID_INPUT",
      fieldErrors: {
        "milestones.0.doneOn": [expect.stringMatching(/^Un jalon ne peut pas être réalisé avant l'ouverture de la vague, le /)],
      },
    });
    const editor = (await createUser(testDb, { establishmentId: dossier.establishment.id, membershipRole: "EDITOR" })).viewer;
    await expect(
      recordMilestones(editor, dossier.id, { milestones: [{ id: ids[0]!, doneOn: "2027-03-10" }], ip: null }, NOW),
    ).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    const other = await createSelectedDossier(testDb);
    await expect(
      recordMilestones(
        await directorOf(testDb, other.establishment.id),
        other.id,
        { milestones: [{ id: ids[0]!, doneOn: "2027-03-10" }], ip: null },
        NOW,
      ),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });

    await expect(
      recordMilestones(
        director,
        dossier.id,
        {
          milestones: [
            { id: ids[0]!, doneOn: "2027-03-10" },
            { id: ids[1]!, doneOn: null },
          ],
          ip: null,
        },
        NOW,
      ),
    ).resolves.toEqual({ changed: 1 });
    const followUp = await getFollowUp(director, dossier.id, NOW);
    expect(followUp.canRecordMilestones).toBe(true);
    expect(followUp.milestones[0]).toMatchObject({
      label: "Inventaire des accès",
      plannedOn: "2027-03-09",
      doneOn: "2027-03-10",
      status: "DONE",
    });
    expect(await testDb.milestone.findUniqueOrThrow({ where: { id: ids[0]! }, select: { doneById: true } })).toEqual({
      doneById: director.userId,
    });
    expect(
      await testDb.auditEvent.findFirst({
        where: { action: "follow_up.milestones_recorded", targetId: dossier.id },
        select: { details: true },
      }),
    ).toMatchObject({ details: { changes: [{ id: ids[0], label: "Inventaire des accès", from: null, to: "2027-03-10" }] } });
    expect((await getFollowUp(editor, dossier.id, NOW)).canRecordMilestones).toBe(false);
  });

  it("reminds the director before a milestone not done and before the targets' day while undeclared, once even when the job runs twice", async () => {
    const { dossier, ids } = await dossierWithTimeline({
      targets: [{ objectiveCode: "O1", indicator: "REGISTERED", thresholdPercent: 90, dueDate: "2027-03-17" }],
    });
    await createUser(testDb, { establishmentId: dossier.establishment.id, membershipRole: "EDITOR" });
    const director = await testDb.membership.findFirstOrThrow({
      where: { establishmentId: dossier.establishment.id, role: "DIRECTOR" },
      select: { user: { select: { email: true } } },
    });

    // Enrôlement e-CPS (15 March) and the targets' day (17 March) are within 7 days; the late one and June's are not.
    vi.mocked(requestDelivery).mockClear();
    await expect(sendFollowUpReminders(NOW)).resolves.toEqual({ enqueued: 2 });
    expect(requestDelivery).toHaveBeenCalledOnce();
    await expect(sendFollowUpReminders(new Date(NOW.getTime() + 3_600_000))).resolves.toEqual({ enqueued: 0 });
    expect(requestDelivery).toHaveBeenCalledOnce();
    const emails = await testDb.outboxEmail.findMany({ orderBy: { subject: "asc" }, select: { to: true, subject: true, dedupeKey: true } });
    expect(emails).toEqual([
      {
        to: director.user.email,
        subject: "Rappel\u00a0: jalon «\u00a0Enrôlement e-CPS\u00a0» prévu le 15 mars 2027",
        dedupeKey: expect.stringContaining(`milestone-reminder:${ids[1]}:2027-03-15:`),
      },
      {
        to: director.user.email,
        subject: "Rappel\u00a0: résultats à déclarer pour le 17 mars 2027",
        dedupeKey: expect.stringContaining(`declaration-reminder:${dossier.id}:2027-03-17:`),
      },
    ]);

    // Done meanwhile: no reminder for it; the next one comes in its own window.
    await testDb.milestone.update({ where: { id: ids[2]! }, data: { doneOn: new Date("2027-05-20T00:00:00Z") } });
    await expect(sendFollowUpReminders(new Date("2027-05-28T09:00:00Z"))).resolves.toEqual({ enqueued: 0 });
  });
});
