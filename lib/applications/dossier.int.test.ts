import { beforeEach, describe, expect, it } from "vitest";
import type { Viewer } from "@/lib/access/viewer";
import { FILES } from "@/lib/attachments/testing/files";
import { UPLOAD_LIMITS } from "@/lib/config/upload-limits";
import { readAttachment } from "@/lib/attachments/upload-attachment";
import { storedKeys } from "@/lib/storage/testing/stored-keys";
import { resetDatabase, testDb } from "@/test/integration/database";
import { postMessage } from "./post-message";
import { saveSection } from "./save-section";
import { submitApplication } from "./submit-application";
import { transitionApplication, ZTransitionInput } from "./transition-application";
import { completeDossierContent, createOpenWave } from "@/test/factories";
import { formatParisDateTime } from "@/lib/time/paris";

/** The dossier's use cases on a real database: concurrency, idempotency, deadlines, transitions. */
describe("dossier use cases", () => {
  beforeEach(resetDatabase);

  async function setup(closesAt = new Date(Date.now() + 86_400_000)) {
    const establishment = await testDb.establishment.create({
      data: {
        name: "EHPAD Test",
        finessEt: "750712184",
        finessEj: "690781810",
        categoryCode: "500",
        regionCode: "75",
        departmentCode: "79",
        city: "Niort",
        headcount: 10,
      },
    });
    const wave = await createOpenWave(testDb, { closesAt });
    const application = await testDb.application.create({
      data: { establishmentId: establishment.id, waveId: wave.waveId, waveVersionId: wave.versionId },
    });
    const user = async (name: string, staffRole?: "PROGRAMME_MANAGER") =>
      testDb.user.create({
        data: {
          email: `${name}@example.test`,
          displayName: name,
          staffRole,
          memberships: staffRole ? undefined : { create: { establishmentId: establishment.id, role: "DIRECTOR" } },
        },
      });
    const asViewer = (row: { id: string; email: string; displayName: string; staffRole: Viewer["staffRole"] }): Viewer => ({
      userId: row.id,
      email: row.email,
      displayName: row.displayName,
      staffRole: row.staffRole,
      memberships: row.staffRole ? [] : [{ establishmentId: establishment.id, role: "DIRECTOR" }],
      sessionId: "test",
    });
    return { establishment, wave, application, user, asViewer };
  }

  it("refuses a save on top of another member's save of the same section, with what is stored", async () => {
    const { application, user, asViewer } = await setup();
    const [alice, bruno] = [asViewer(await user("alice")), asViewer(await user("bruno"))];
    await saveSection(alice, {
      applicationId: application.id,
      section: "PROJECT",
      expectedVersion: 0,
      data: { projectTitle: "Alice", projectSummary: "" },
    });
    await expect(
      saveSection(bruno, {
        applicationId: application.id,
        section: "PROJECT",
        expectedVersion: 0,
        data: { projectTitle: "Bruno", projectSummary: "" },
      }),
    ).rejects.toMatchObject({
      code: "CONFLICT",
      details: { conflict: { version: 1, updatedBy: "alice", values: { projectTitle: "Alice", projectSummary: "" } } },
    });
    // Another section is independent.
    await expect(
      saveSection(bruno, { applicationId: application.id, section: "IAM_SSO", expectedVersion: 0, data: { iamPlan: "SSO" } }),
    ).resolves.toMatchObject({ version: 1 });
    expect((await testDb.application.findUniqueOrThrow({ where: { id: application.id } })).projectTitle).toBe("Alice");
  });

  it("names a refused field by its path in the request's body, under `data`", async () => {
    const { application, user, asViewer } = await setup();
    const refusal = await saveSection(asViewer(await user("alice")), {
      applicationId: application.id,
      section: "PROJECT",
      expectedVersion: 0,
      data: { projectTitle: 42, projectSummary: "" },
    }).catch((error) => error);
    expect([refusal.code, Object.keys(refusal.fieldErrors)]).toEqual(["INVALID_INPUT", ["data.projectTitle"]]);
  });

  it("refuses to submit an incomplete dossier and says exactly what is missing", async () => {
    const { application, user, asViewer } = await setup();
    const director = asViewer(await user("directrice"));
    await saveSection(director, {
      applicationId: application.id,
      section: "PROJECT",
      expectedVersion: 0,
      data: { projectTitle: "Titre", projectSummary: "Résumé" },
    });
    const refusal = await submitApplication(director, {
      applicationId: application.id,
      idempotencyKey: crypto.randomUUID(),
      ip: null,
    }).catch((error) => error);
    expect(refusal.code).toBe("INVALID_INPUT");
    const messages = (refusal.details.missing as Array<{ message: string }>).map((item) => item.message);
    expect(messages).toContain("Au moins un partenaire technologique doit être indiqué.");
    expect(messages).not.toContain("Le titre du projet est vide.");
    expect(await testDb.submission.count()).toBe(0);
  });

  it("submits once for a retried key, locks the dossier, and refuses after the deadline", async () => {
    const { application, user, asViewer, wave } = await setup();
    const director = asViewer(await user("directrice"));
    await testDb.application.update({
      where: { id: application.id },
      data: completeDossierContent(wave.objectives),
    });
    const key = crypto.randomUUID();
    const first = await submitApplication(director, { applicationId: application.id, idempotencyKey: key, ip: null });
    const retry = await submitApplication(director, { applicationId: application.id, idempotencyKey: key, ip: null });
    expect(retry).toEqual({ ...first, alreadySubmitted: true });
    expect(await testDb.submission.count()).toBe(1);
    expect((await testDb.application.findUniqueOrThrow({ where: { id: application.id } })).state).toBe("SUBMITTED");
    await expect(
      saveSection(director, {
        applicationId: application.id,
        section: "PROJECT",
        expectedVersion: 1,
        data: { projectTitle: "Changé", projectSummary: "" },
      }),
    ).rejects.toMatchObject({ code: "INVALID_STATE" });

    // Back to draft, the spent key is refused by its unique index: the first submission is the answer, nothing is written.
    await testDb.application.update({ where: { id: application.id }, data: { state: "DRAFT" } });
    const transitions = await testDb.applicationTransition.count();
    const audits = await testDb.auditEvent.count();
    await expect(submitApplication(director, { applicationId: application.id, idempotencyKey: key, ip: null })).resolves.toEqual({
      ...first,
      alreadySubmitted: true,
    });
    expect(await testDb.submission.count()).toBe(1);
    expect(await testDb.indicatorSnapshot.count({ where: { reason: "SUBMISSION" } })).toBe(await testDb.submission.count());
    expect(await testDb.applicationTransition.count()).toBe(transitions);
    expect(await testDb.auditEvent.count()).toBe(audits);
    expect((await testDb.application.findUniqueOrThrow({ where: { id: application.id } })).state).toBe("DRAFT");

    // The same dossier, had it been late (past the end of the closing minute):
    await testDb.wave.update({ where: { id: wave.waveId }, data: { closesAt: new Date(Date.now() - 61_000) } });
    await expect(
      submitApplication(director, { applicationId: application.id, idempotencyKey: crypto.randomUUID(), ip: null }),
    ).rejects.toMatchObject({
      code: "DEADLINE_PASSED",
    });
  });

  it("accepts a deposit within the deadline's displayed minute, refuses one from the next minute", async () => {
    // A whole minute an hour ahead, shown « … à 14 h 05 (heure de Paris) ».
    const closesAt = new Date(Math.ceil(Date.now() / 60_000) * 60_000 + 3_600_000);
    const { application, user, asViewer, wave } = await setup(closesAt);
    const director = asViewer(await user("directrice"));
    await testDb.application.update({ where: { id: application.id }, data: completeDossierContent(wave.objectives) });
    const submitAt = (now: Date) =>
      submitApplication(director, { applicationId: application.id, idempotencyKey: crypto.randomUUID(), ip: null }, now);

    const late = await submitAt(new Date(closesAt.getTime() + 60_000)).catch((error) => error);
    expect(late).toMatchObject({ code: "DEADLINE_PASSED" });
    expect(late.message).toContain(`La date limite de dépôt était le ${formatParisDateTime(closesAt)} (heure de Paris)`);
    expect(await testDb.submission.count()).toBe(0);

    const lastMillisecond = new Date(closesAt.getTime() + 59_999);
    const receipt = await submitAt(lastMillisecond);
    expect(receipt).toMatchObject({ receivedAt: lastMillisecond.toISOString(), alreadySubmitted: false });
    expect((await testDb.application.findUniqueOrThrow({ where: { id: application.id } })).state).toBe("SUBMITTED");
  });

  it("moves a dossier only by the right role from the right state, with history and audit", async () => {
    const { application, user, asViewer } = await setup();
    const [director, manager] = [asViewer(await user("directrice")), asViewer(await user("pilote", "PROGRAMME_MANAGER"))];
    await testDb.application.update({ where: { id: application.id }, data: { state: "SUBMITTED", version: 2 } });
    await expect(
      transitionApplication(director, { applicationId: application.id, expectedVersion: 2, ip: null, action: "startReview", comment: "" }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      transitionApplication(manager, {
        applicationId: application.id,
        expectedVersion: 2,
        ip: null,
        action: "completeScoring",
        comment: "",
      }),
    ).rejects.toMatchObject({ code: "INVALID_STATE" });
    // Decisions are released with the wave's, never taken one dossier at a time (ADR 0013).
    expect(ZTransitionInput.safeParse({ action: "select", comment: "Oui", amountGranted: "1 000" }).success).toBe(false);
    expect(ZTransitionInput.safeParse({ action: "reject", comment: "Non" }).success).toBe(false);
    await expect(
      transitionApplication(manager, { applicationId: application.id, expectedVersion: 1, ip: null, action: "startReview", comment: "" }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(
      transitionApplication(manager, { applicationId: application.id, expectedVersion: 2, ip: null, action: "startReview", comment: "" }),
    ).resolves.toEqual({ state: "UNDER_REVIEW", version: 3 });
    const history = await testDb.applicationTransition.findMany({ where: { applicationId: application.id } });
    expect(history.map((step) => `${step.fromState}>${step.toState}`)).toEqual(["SUBMITTED>UNDER_REVIEW"]);
    expect(await testDb.auditEvent.count({ where: { action: "application.startReview", targetId: application.id } })).toBe(1);
  });

  it("keeps the director's withdrawal comment in the audit entry, where the managers' journal shows it", async () => {
    const { application, user, asViewer } = await setup();
    const director = asViewer(await user("directrice"));
    await testDb.application.update({ where: { id: application.id }, data: { state: "SUBMITTED", version: 2 } });
    const comment = "Projet reporté à la prochaine vague : financement obtenu ailleurs.";

    await transitionApplication(director, { applicationId: application.id, expectedVersion: 2, ip: null, action: "withdraw", comment });

    const audit = await testDb.auditEvent.findFirstOrThrow({ where: { action: "application.withdraw", targetId: application.id } });
    expect(audit.details).toEqual({ comment, from: "SUBMITTED", to: "WITHDRAWN" });
  });

  it("sends the dossier's news and the programme's messages to the members whose account is open, not to a disabled one", async () => {
    const { application, user, asViewer } = await setup();
    const manager = asViewer(await user("pilote", "PROGRAMME_MANAGER"));
    await user("directrice");
    const former = await user("ancien-directeur");
    await testDb.user.update({ where: { id: former.id }, data: { disabledAt: new Date() } });
    await testDb.application.update({ where: { id: application.id }, data: { state: "SUBMITTED", version: 2 } });

    await transitionApplication(manager, {
      applicationId: application.id,
      expectedVersion: 2,
      ip: null,
      action: "startReview",
      comment: "",
    });
    await postMessage(manager, { applicationId: application.id, body: "Merci de préciser le calendrier.", files: [] });

    const sent = await testDb.outboxEmail.findMany({ select: { to: true, dedupeKey: true }, orderBy: { dedupeKey: "asc" } });
    expect(sent.map((email) => `${email.dedupeKey.split(":")[0]} → ${email.to}`)).toEqual([
      "message → directrice@example.test",
      "transition → directrice@example.test",
    ]);
  });

  it("keeps none of a message's files when one of them is refused", async () => {
    const { application, user, asViewer } = await setup();
    const manager = asViewer(await user("pilote", "PROGRAMME_MANAGER"));
    const before = await storedKeys();
    const files = [
      { bytes: new Uint8Array(FILES.pdf), name: "devis.pdf", type: "application/pdf" },
      { bytes: new Uint8Array(FILES.exe), name: "planning.pdf", type: "application/pdf" },
    ];

    await expect(postMessage(manager, { applicationId: application.id, body: "Voici les pièces.", files })).rejects.toMatchObject({
      code: "INVALID_INPUT",
      fieldErrors: { files: [expect.stringContaining("planning.pdf")] },
    });
    // The first file was stored before the second was refused: removed with the refusal.
    expect(await storedKeys()).toEqual(before);
    expect(await testDb.message.count({ where: { applicationId: application.id } })).toBe(0);
  });

  it("tells the programme managers, not a disabled one, when the establishment answers a request for information", async () => {
    const { application, user, asViewer } = await setup();
    const [director, manager] = [asViewer(await user("directrice")), asViewer(await user("pilote", "PROGRAMME_MANAGER"))];
    const former = await user("ancienne-pilote", "PROGRAMME_MANAGER");
    await testDb.user.update({ where: { id: former.id }, data: { disabledAt: new Date() } });
    await testDb.application.update({ where: { id: application.id }, data: { state: "UNDER_REVIEW", version: 3 } });
    await transitionApplication(manager, {
      applicationId: application.id,
      expectedVersion: 3,
      ip: null,
      action: "requestInformation",
      comment: "Joignez le devis du prestataire.",
      responseDueAt: "2999-01-15T18:00",
    });
    await transitionApplication(director, {
      applicationId: application.id,
      expectedVersion: 4,
      ip: null,
      action: "answerInformationRequest",
      comment: "Le devis est joint au fil.",
    });

    const answered = await testDb.outboxEmail.findMany({ where: { dedupeKey: { startsWith: "information-answered:" } } });
    expect(answered.map((email) => email.to)).toEqual(["pilote@example.test"]);
    expect(answered[0]!.subject).toBe("Complément reçu pour le dossier HospiConnect de «\u00a0EHPAD Test\u00a0»");
    expect(answered[0]!.text).toContain("directrice a répondu à la demande de complément sur le dossier de «\u00a0EHPAD Test\u00a0»");
    expect(answered[0]!.text).toContain("Le devis est joint au fil.");
  });
  describe("an answer to a request for information, with files", () => {
    const pdf = { bytes: new Uint8Array(FILES.pdf), name: "devis signé.pdf", type: "application/pdf" };
    const png = { bytes: new Uint8Array(FILES.png), name: "capture.png", type: "image/png" };
    const disguised = { bytes: new Uint8Array(FILES.exe), name: "planning.pdf", type: "application/pdf" };

    async function asked() {
      const { application, user, asViewer } = await setup();
      const [director, manager] = [asViewer(await user("directrice")), asViewer(await user("pilote", "PROGRAMME_MANAGER"))];
      await testDb.application.update({ where: { id: application.id }, data: { state: "UNDER_REVIEW", version: 3 } });
      await transitionApplication(manager, {
        applicationId: application.id,
        expectedVersion: 3,
        ip: null,
        action: "requestInformation",
        comment: "Joignez le devis du prestataire.",
        responseDueAt: "2999-01-15T18:00",
      });
      const answer = { applicationId: application.id, expectedVersion: 4, ip: null, action: "answerInformationRequest" as const };
      return { application, director, manager, answer };
    }

    it("carries the files with the answer: in the thread for the managers to download, in the journal by fingerprint, named in the e-mail", async () => {
      const { application, director, manager, answer } = await asked();
      await transitionApplication(director, { ...answer, comment: "Le devis et la capture de sa signature.", files: [pdf, png] });

      const message = await testDb.message.findFirstOrThrow({
        where: { applicationId: application.id, authorId: director.userId },
        select: { body: true, attachments: { select: { id: true, fileName: true, sha256: true, uploadedById: true } } },
      });
      expect(message.body).toBe("Le devis et la capture de sa signature.");
      expect(message.attachments.map((file) => [file.fileName, file.uploadedById]).sort()).toEqual([
        ["capture.png", director.userId],
        ["devis signé.pdf", director.userId],
      ]);
      const devis = message.attachments.find((file) => file.fileName === "devis signé.pdf")!;
      const read = await readAttachment(manager, devis.id);
      expect({ mimeType: read.mimeType, bytes: Buffer.from(read.bytes) }).toEqual({ mimeType: "application/pdf", bytes: FILES.pdf });

      const audit = await testDb.auditEvent.findFirstOrThrow({
        where: { action: "application.answerInformationRequest", targetId: application.id },
        select: { details: true },
      });
      expect((audit.details as { files: string[] }).files.sort()).toEqual(message.attachments.map((file) => file.sha256).sort());

      const [email] = await testDb.outboxEmail.findMany({ where: { dedupeKey: { startsWith: "information-answered:" } } });
      expect(email!.text.replace(/[\u00a0\u202f]/g, " ")).toContain(
        "Sa réponse est accompagnée de 2 pièces jointes : « devis signé.pdf », « capture.png ».",
      );
      expect((await testDb.application.findUniqueOrThrow({ where: { id: application.id } })).state).toBe("UNDER_REVIEW");
    });

    it("is all or nothing: a refused file leaves the request open, no message, no row and no stored file", async () => {
      const { application, director, answer } = await asked();
      const before = await storedKeys();
      await expect(
        transitionApplication(director, { ...answer, comment: "Le devis et le planning.", files: [pdf, disguised] }),
      ).rejects.toMatchObject({ code: "INVALID_INPUT", fieldErrors: { files: [expect.stringContaining("planning.pdf")] } });
      expect(await storedKeys()).toEqual(before);
      expect(
        await Promise.all([
          testDb.message.count({ where: { authorId: director.userId } }),
          testDb.attachment.count(),
          testDb.outboxEmail.count({ where: { dedupeKey: { startsWith: "information-answered:" } } }),
        ]),
      ).toEqual([0, 0, 0]);
      expect(await testDb.application.findUniqueOrThrow({ where: { id: application.id }, select: { state: true, version: true } })).toEqual(
        {
          state: "INFORMATION_REQUESTED",
          version: 4,
        },
      );
    });

    it("takes files only with an answer, and as many as a message", async () => {
      const { application, manager, director, answer } = await asked();
      const before = await storedKeys();
      await expect(
        transitionApplication(manager, {
          applicationId: application.id,
          expectedVersion: 4,
          ip: null,
          action: "startReview",
          comment: "",
          files: [pdf],
        }),
      ).rejects.toMatchObject({ code: "INVALID_INPUT" });
      await expect(
        transitionApplication(director, {
          ...answer,
          comment: "Tout.",
          files: Array.from({ length: UPLOAD_LIMITS.messageFiles + 1 }, () => pdf),
        }),
      ).rejects.toMatchObject({ code: "INVALID_INPUT", fieldErrors: { files: [expect.any(String)] } });
      expect(await storedKeys()).toEqual(before);
    });
  });
});
