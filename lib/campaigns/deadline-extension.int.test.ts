import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import { startApplication } from "@/lib/applications/start-application";
import { frenchSpacing } from "@/lib/format/french-spacing";
import { parisDateTime } from "@/lib/time/paris";
import { resetDatabase, testDb } from "@/test/integration/database";
import { createWave } from "./create-wave";
import { getEligibilityScreen } from "./get-eligibility-screen";
import { grantDeadlineExtension } from "./grant-deadline-extension";
import { withdrawDeadlineExtension } from "./withdraw-deadline-extension";
import {
  createEstablishment,
  establishmentWithDirector,
  insertCampaign,
  programmeManager,
  waveForm,
  WAVE_FORM_CREATED_AT,
} from "@/test/factories";

/** A per-establishment extension granted by a programme manager, as every deadline check sees it. */
describe("deadline extension", () => {
  beforeEach(resetDatabase);

  const afterClosing = parisDateTime("2027-04-02T10:00");

  async function closedWave() {
    const manager = await programmeManager(testDb);
    const { id } = await insertCampaign(testDb);
    const { waveId } = await createWave(manager, id, waveForm({ eligibleCategoryCodes: ["500"] }), null, WAVE_FORM_CREATED_AT);
    return { manager, waveId };
  }

  it("reopens the wave for one establishment only, audited and announced to its members", async () => {
    const { manager, waveId } = await closedWave();
    const late = await establishmentWithDirector(testDb, { categoryCode: "500" });
    const other = await establishmentWithDirector(testDb, { categoryCode: "500" });
    const start = (who: typeof late) =>
      startApplication(who.director, { waveId, establishmentId: who.establishment.id }, null, afterClosing);
    await expect(start(late)).rejects.toMatchObject({ code: "DEADLINE_PASSED" });

    const { extensionId } = await grantDeadlineExtension(
      manager,
      waveId,
      { finessEt: late.establishment.finessEt, newClosesAt: "2027-04-15T12:00", reason: "Incident informatique signalé le 30 mars." },
      "203.0.113.7",
      afterClosing,
    );
    expect((await getEligibilityScreen(late.director, waveId, late.establishment.id, afterClosing)).verdict).toMatchObject({
      eligible: true,
      extended: true,
    });
    await expect(start(late)).resolves.toMatchObject({ created: true });
    await expect(start(other)).rejects.toMatchObject({ code: "DEADLINE_PASSED" });
    await expect(
      startApplication(late.director, { waveId, establishmentId: late.establishment.id }, null, parisDateTime("2027-04-15T12:00")),
    ).resolves.toMatchObject({
      created: false,
    });

    const audit = await testDb.auditEvent.findFirstOrThrow({
      where: { targetId: extensionId },
      select: { action: true, ip: true, details: true },
    });
    expect(audit).toMatchObject({
      action: "extension.granted",
      ip: "203.0.113.7",
      details: { closesAt: "2027-04-15T10:00:00.000Z", previousClosesAt: null },
    });
    const emails = await testDb.outboxEmail.findMany({ select: { to: true, subject: true, text: true } });
    expect(emails).toEqual([
      {
        to: late.director.email,
        subject: "Prolongation accordée jusqu'au 15 avril 2027 à 12\u00a0h\u00a000 – HospiConnect",
        text: expect.stringContaining("Incident informatique"),
      },
    ]);
  });

  it("moves an extension granted again, keeping the previous date in the audit log", async () => {
    const { manager, waveId } = await closedWave();
    const late = await establishmentWithDirector(testDb, { categoryCode: "500" });
    const grant = (newClosesAt: string) =>
      grantDeadlineExtension(
        manager,
        waveId,
        { finessEt: late.establishment.finessEt, newClosesAt, reason: "Pièce manquante." },
        null,
        afterClosing,
      );
    const first = await grant("2027-04-10T12:00");
    const second = await grant("2027-04-20T12:00");
    expect(second.extensionId).toBe(first.extensionId);
    expect(await testDb.deadlineExtension.findMany({ select: { closesAt: true } })).toEqual([
      { closesAt: parisDateTime("2027-04-20T12:00") },
    ]);
    const audit = await testDb.auditEvent.findMany({
      where: { targetId: first.extensionId },
      orderBy: { id: "asc" },
      select: { details: true },
    });
    expect(audit.at(-1)?.details).toMatchObject({ previousClosesAt: "2027-04-10T10:00:00.000Z", closesAt: "2027-04-20T10:00:00.000Z" });
    expect(await testDb.outboxEmail.count()).toBe(2);
  });

  it("refuses a date before the wave's closing, an unknown FINESS, an excluded category and a member", async () => {
    const { manager, waveId } = await closedWave();
    const late = await establishmentWithDirector(testDb, { categoryCode: "500" });
    const residence = await establishmentWithDirector(testDb, { categoryCode: "202" });
    const input = { finessEt: late.establishment.finessEt, newClosesAt: "2027-04-15T12:00", reason: "Incident." };
    await expect(
      grantDeadlineExtension(manager, waveId, { ...input, newClosesAt: "2027-03-31T12:00" }, null, afterClosing),
    ).rejects.toMatchObject({
      fieldErrors: { newClosesAt: [expect.stringContaining("postérieure à la clôture")] },
    });
    await expect(grantDeadlineExtension(manager, waveId, { ...input, finessEt: "790999991" }, null, afterClosing)).rejects.toMatchObject({
      fieldErrors: { finessEt: ["Aucun établissement inscrit n'a ce FINESS."] },
    });
    await expect(
      grantDeadlineExtension(manager, waveId, { ...input, finessEt: residence.establishment.finessEt }, null, afterClosing),
    ).rejects.toMatchObject({
      fieldErrors: { finessEt: [expect.stringContaining("pas d'une catégorie éligible")] },
    });
    await expect(grantDeadlineExtension(late.director, waveId, input, null, afterClosing)).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await testDb.deadlineExtension.count()).toBe(0);
  });

  it("brings an extension forward only once the manager confirms it, and tells the members their deadline is shortened", async () => {
    const { manager, waveId } = await closedWave();
    const late = await establishmentWithDirector(testDb, { categoryCode: "500", name: "CH de Niort" });
    const grant = (newClosesAt: string, confirmShortening?: boolean) =>
      grantDeadlineExtension(
        manager,
        waveId,
        { finessEt: late.establishment.finessEt, newClosesAt, reason: "Erreur de saisie.", confirmShortening },
        null,
        afterClosing,
      );
    const { extensionId } = await grant("2027-04-20T12:00");

    await expect(grant("2027-04-10T12:00")).rejects.toMatchObject({
      code: "INVALID_INPUT",
      fieldErrors: {
        confirmShortening: [
          "Le délai de « CH de Niort » passera du 20 avril 2027 à 12\u00a0h\u00a000 au 10 avril 2027 à 12\u00a0h\u00a000 : il sera raccourci. Cochez la case de confirmation pour l'enregistrer.",
        ],
      },
    });
    await expect(grant("2027-04-10T12:00", false)).rejects.toMatchObject({ code: "INVALID_INPUT" });
    expect(await testDb.deadlineExtension.findMany({ select: { closesAt: true } })).toEqual([
      { closesAt: parisDateTime("2027-04-20T12:00") },
    ]);
    expect(await testDb.outboxEmail.count()).toBe(1);

    // The answer says the deadline was shortened, as the page then does (« Prolongation raccourcie au … »).
    await expect(grant("2027-04-10T12:00", true)).resolves.toMatchObject({ shortened: true, closesAt: parisDateTime("2027-04-10T12:00") });
    expect(await testDb.deadlineExtension.findMany({ select: { closesAt: true } })).toEqual([
      { closesAt: parisDateTime("2027-04-10T12:00") },
    ]);
    const audit = await testDb.auditEvent.findMany({
      where: { targetId: extensionId },
      orderBy: { id: "asc" },
      select: { action: true, details: true },
    });
    expect(audit.map((entry) => entry.action)).toEqual(["extension.granted", "extension.shortened"]);
    expect(audit[1]?.details).toMatchObject({
      previousClosesAt: "2027-04-20T10:00:00.000Z",
      closesAt: "2027-04-10T10:00:00.000Z",
      shortened: true,
    });
    const shortened = await testDb.outboxEmail.findFirstOrThrow({ orderBy: { createdAt: "desc" }, select: { subject: true, text: true } });
    expect(shortened.subject).toBe("Délai supplémentaire raccourci au 10 avril 2027 à 12\u00a0h\u00a000 – HospiConnect");
    expect(shortened.text).toContain(
      "elle était le 20 avril 2027 à 12\u00a0h\u00a000, elle est désormais le 10 avril 2027 à 12\u00a0h\u00a000. Votre délai est raccourci.",
    );
    expect(shortened.text).not.toContain("accorde");

    // A later date again needs no confirmation.
    await grant("2027-04-25T12:00");
    expect(await testDb.outboxEmail.count()).toBe(3);
  });

  it("withdraws an extension granted by mistake: the wave's closing applies again, audited and announced", async () => {
    const { manager, waveId } = await closedWave();
    const wrong = await establishmentWithDirector(testDb, { categoryCode: "500", name: "EHPAD Les Tilleuls" });
    const { extensionId } = await grantDeadlineExtension(
      manager,
      waveId,
      { finessEt: wrong.establishment.finessEt, newClosesAt: "2027-04-15T12:00", reason: "Incident." },
      null,
      afterClosing,
    );
    await expect(withdrawDeadlineExtension(wrong.director, { waveId, extensionId, ip: null }, afterClosing)).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(withdrawDeadlineExtension(manager, { waveId, extensionId: randomUUID(), ip: null }, afterClosing)).rejects.toMatchObject({
      code: "NOT_FOUND",
    });

    await expect(withdrawDeadlineExtension(manager, { waveId, extensionId, ip: "203.0.113.9" }, afterClosing)).resolves.toEqual({
      audience: { members: 1, invited: [] },
    });
    expect(await testDb.deadlineExtension.count()).toBe(0);
    await expect(
      startApplication(wrong.director, { waveId, establishmentId: wrong.establishment.id }, null, afterClosing),
    ).rejects.toMatchObject({ code: "DEADLINE_PASSED" });
    expect(
      await testDb.auditEvent.findFirstOrThrow({
        where: { targetId: extensionId, action: "extension.withdrawn" },
        select: { ip: true, details: true },
      }),
    ).toMatchObject({
      ip: "203.0.113.9",
      // The reason the extension was granted for, not labelled as the withdrawal's.
      details: { previousClosesAt: "2027-04-15T10:00:00.000Z", waveClosesAt: "2027-03-31T21:59:00.000Z", grantReason: "Incident." },
    });
    expect(
      (await testDb.auditEvent.findFirstOrThrow({ where: { targetId: extensionId, action: "extension.withdrawn" } })).details,
    ).not.toHaveProperty("reason");
    const email = await testDb.outboxEmail.findFirstOrThrow({
      orderBy: { createdAt: "desc" },
      select: { to: true, subject: true, text: true },
    });
    expect(email).toMatchObject({
      to: wrong.director.email,
      subject: frenchSpacing("Prolongation retirée : date limite du 31 mars 2027 à 23\u00a0h\u00a059 – HospiConnect"),
    });
    expect(email.text).toContain(
      frenchSpacing(
        "La date limite de dépôt de votre établissement redevient celle de la vague : 31 mars 2027 à 23\u00a0h\u00a059 (heure de Paris).",
      ),
    );
    expect(email.text).toContain(frenchSpacing("Cette date est passée : le dossier ne peut plus être déposé."));
  });

  it("tells nobody by e-mail when the establishment has no member yet, and says so, naming the invitation pending", async () => {
    const { manager, waveId } = await closedWave();
    const establishment = await createEstablishment(testDb, { categoryCode: "500" });
    await testDb.invitation.create({
      data: {
        tokenHash: "h6-pending-director",
        email: "qa.directrice@example.fr",
        purpose: "MEMBER",
        establishmentId: establishment.id,
        membershipRole: "DIRECTOR",
        expiresAt: parisDateTime("2099-01-01T00:00"),
      },
    });
    const granted = await grantDeadlineExtension(
      manager,
      waveId,
      { finessEt: establishment.finessEt, newClosesAt: "2027-04-15T12:00", reason: "Panne du serveur." },
      null,
      afterClosing,
    );
    expect(granted).toMatchObject({ shortened: false, audience: { members: 0, invited: ["qa.directrice@example.fr"] } });
    expect(await testDb.outboxEmail.count()).toBe(0);

    await expect(withdrawDeadlineExtension(manager, { waveId, extensionId: granted.extensionId, ip: null }, afterClosing)).resolves.toEqual(
      { audience: { members: 0, invited: ["qa.directrice@example.fr"] } },
    );
    expect(await testDb.outboxEmail.count()).toBe(0);
  });

  it("refuses an extension to an establishment whose dossier is already deposited: a deposit is not reopened", async () => {
    const { manager, waveId } = await closedWave();
    const deposited = await establishmentWithDirector(testDb, { categoryCode: "500", name: "EHPAD Résidence du Parc" });
    const { applicationId } = await startApplication(
      deposited.director,
      { waveId, establishmentId: deposited.establishment.id },
      null,
      parisDateTime("2027-02-01T10:00"),
    );
    await testDb.application.update({ where: { id: applicationId }, data: { state: "SUBMITTED" } });
    await testDb.submission.create({
      data: { applicationId, idempotencyKey: randomUUID(), receivedAt: parisDateTime("2027-03-13T01:00"), contentHash: "0".repeat(64) },
    });
    const message =
      "« EHPAD Résidence du Parc » a déposé son dossier le 13 mars 2027 à 1\u00a0h\u00a000 (heure de Paris) : un dossier déposé ne se rouvre pas, une prolongation ne lui servirait pas.";
    await expect(
      grantDeadlineExtension(
        manager,
        waveId,
        { finessEt: deposited.establishment.finessEt, newClosesAt: "2027-04-15T12:00", reason: "Incident." },
        null,
        afterClosing,
      ),
    ).rejects.toMatchObject({ code: "INVALID_INPUT", message, fieldErrors: { finessEt: [message] } });
    expect(await testDb.deadlineExtension.count()).toBe(0);
    expect(await testDb.outboxEmail.count()).toBe(0);
  });

  it("tells the members of a dossier deposited before the wave's closing that the extension withdrawn does not concern it", async () => {
    const { manager, waveId } = await closedWave();
    const early = await establishmentWithDirector(testDb, { categoryCode: "500", name: "ITEP La Passerelle" });
    const { applicationId } = await startApplication(
      early.director,
      { waveId, establishmentId: early.establishment.id },
      null,
      parisDateTime("2027-02-01T10:00"),
    );
    // Granted while the dossier was a draft, deposited before the wave's closing, then withdrawn.
    const { extensionId } = await grantDeadlineExtension(
      manager,
      waveId,
      { finessEt: early.establishment.finessEt, newClosesAt: "2027-04-15T12:00", reason: "Incident." },
      null,
      parisDateTime("2027-03-01T10:00"),
    );
    await testDb.application.update({ where: { id: applicationId }, data: { state: "SUBMITTED" } });
    await testDb.submission.create({
      data: { applicationId, idempotencyKey: randomUUID(), receivedAt: parisDateTime("2027-03-13T01:00"), contentHash: "0".repeat(64) },
    });

    await withdrawDeadlineExtension(manager, { waveId, extensionId, ip: null }, afterClosing);
    const email = await testDb.outboxEmail.findFirstOrThrow({
      where: { dedupeKey: { startsWith: "extension-withdrawn:" } },
      select: { text: true },
    });
    expect(email.text).toContain(
      frenchSpacing("Votre dossier, déposé le 13 mars 2027 à 1\u00a0h\u00a000 (heure de Paris), n'est pas concerné."),
    );
    expect(email.text).not.toContain("ne peut plus être déposé");
  });

  it("refuses to withdraw an extension its establishment submitted on, after the wave's closing", async () => {
    const { manager, waveId } = await closedWave();
    const late = await establishmentWithDirector(testDb, { categoryCode: "500", name: "CH de Niort" });
    const { extensionId } = await grantDeadlineExtension(
      manager,
      waveId,
      { finessEt: late.establishment.finessEt, newClosesAt: "2027-04-15T12:00", reason: "Incident." },
      null,
      afterClosing,
    );
    const { applicationId } = await startApplication(late.director, { waveId, establishmentId: late.establishment.id }, null, afterClosing);
    await testDb.application.update({ where: { id: applicationId }, data: { state: "SUBMITTED" } });
    await testDb.submission.create({
      data: { applicationId, idempotencyKey: randomUUID(), receivedAt: parisDateTime("2027-04-03T09:30"), contentHash: "0".repeat(64) },
    });

    await expect(withdrawDeadlineExtension(manager, { waveId, extensionId, ip: null }, afterClosing)).rejects.toMatchObject({
      code: "INVALID_STATE",
      message:
        "« CH de Niort » a déposé son dossier le 3 avril 2027 à 9\u00a0h\u00a030, après la clôture de la vague, grâce à cette prolongation : la retirer rendrait ce dépôt hors délai.",
    });
    expect(await testDb.deadlineExtension.count()).toBe(1);
  });
});
