import { beforeEach, describe, expect, it } from "vitest";
import type { Viewer } from "@/lib/access/viewer";
import { fileStorage } from "@/lib/storage";
import { storedKeys } from "@/lib/storage/testing/stored-keys";
import { resetDatabase, testDb } from "@/test/integration/database";
import { dossierReference } from "./dossier-reference";
import { extractPdfText } from "./testing/pdf-text";
import { issuePendingReceipts } from "./issue-receipts";
import { readReceipt } from "./read-receipt";
import { submitApplication } from "./submit-application";
import { completeDossierContent, createDraft, createOpenWave, establishmentWithDirector } from "@/test/factories";

const receiptKeys = () => storedKeys("receipts/");

/**
 * A submission's acknowledgment of receipt holds the dossier's content: parallel submits of one
 * dossier (a double click, two members, two tabs) make one submission, and the receipt job, even
 * run by several workers at once, leaves exactly one PDF in the storage and one e-mail per member.
 * Run on a real PostgreSQL too (TEST_DATABASE_URL), where the submits really overlap.
 */
describe("the receipt of a submission", () => {
  beforeEach(resetDatabase);

  it("is written once, for the submit that wins, however many submits and receipt jobs run at the same time", async () => {
    const establishment = await testDb.establishment.create({
      data: {
        name: "EHPAD Parallèle",
        finessEt: "750712184",
        finessEj: "690781810",
        categoryCode: "500",
        regionCode: "75",
        departmentCode: "79",
        city: "Niort",
        headcount: 10,
      },
    });
    const wave = await createOpenWave(testDb, { closesAt: new Date(Date.now() + 86_400_000) });
    const application = await testDb.application.create({
      data: { establishmentId: establishment.id, waveId: wave.waveId, waveVersionId: wave.versionId },
    });
    await testDb.application.update({ where: { id: application.id }, data: completeDossierContent(wave.objectives) });
    const members = await Promise.all(
      ["ines", "marc", "zoe"].map((name) =>
        testDb.user.create({
          data: {
            email: `${name}@parallele.test`,
            displayName: name,
            memberships: { create: { establishmentId: establishment.id, role: "DIRECTOR" } },
          },
        }),
      ),
    );
    const viewers: Viewer[] = members.map((member) => ({
      userId: member.id,
      email: member.email,
      displayName: member.displayName,
      staffRole: null,
      memberships: [{ establishmentId: establishment.id, role: "DIRECTOR" }],
      sessionId: "test",
    }));

    const before = await receiptKeys();
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, index) =>
        submitApplication(viewers[index % viewers.length]!, {
          applicationId: application.id,
          idempotencyKey: crypto.randomUUID(),
          ip: null,
        }),
      ),
    );

    expect(new Set(results.map((result) => result.submissionId)).size).toBe(1);
    expect(results.filter((result) => !result.alreadySubmitted)).toHaveLength(1);
    // Committed without its receipt: the job renders it.
    const submitted = await testDb.submission.findFirstOrThrow({ where: { applicationId: application.id } });
    expect(submitted.receiptKey).toBeNull();
    expect(await receiptKeys()).toEqual(before);

    const runs = await Promise.all([issuePendingReceipts(), issuePendingReceipts(), issuePendingReceipts()]);
    expect(runs.reduce((sum, run) => sum + run.issued, 0)).toBe(1);
    const submission = await testDb.submission.findFirstOrThrow({ where: { applicationId: application.id } });
    const written = [...(await receiptKeys())].filter((key) => !before.has(key));
    expect(written).toEqual([submission.receiptKey]);
    expect((await fileStorage().get(submission.receiptKey!))?.subarray(0, 5).toString()).toBe("%PDF-");
    const emails = await testDb.outboxEmail.findMany({
      where: { dedupeKey: { startsWith: `receipt:${submission.id}:` } },
      select: { to: true, text: true, files: true },
    });
    expect(emails.map((email) => email.to).sort()).toEqual(members.map((member) => member.email).sort());
    expect(emails[0]!.text).toContain(submission.contentHash);
    expect(emails[0]!.files).toEqual([expect.objectContaining({ storageKey: submission.receiptKey, contentType: "application/pdf" })]);

    // Run again (the next minute's schedule): nothing more.
    expect(await issuePendingReceipts()).toEqual({ issued: 0 });
    expect(await testDb.outboxEmail.count({ where: { dedupeKey: { startsWith: `receipt:${submission.id}:` } } })).toBe(3);
  });

  it("is « en cours de génération » until the job renders it, and one that cannot be issued holds up no other", async () => {
    const wave = await createOpenWave(testDb, { closesAt: new Date(Date.now() + 86_400_000) });
    const dossiers = [];
    for (let index = 0; index < 2; index += 1) {
      const { establishment, director } = await establishmentWithDirector(testDb);
      const draft = await createDraft(testDb, establishment.id, wave, { complete: true });
      const submitted = await submitApplication(director, { applicationId: draft.id, idempotencyKey: crypto.randomUUID(), ip: null });
      dossiers.push({ id: draft.id, director, submissionId: submitted.submissionId, finess: establishment.finessEt });
    }
    const [sound, altered] = dossiers as [(typeof dossiers)[number], (typeof dossiers)[number]];
    await expect(readReceipt(sound.director, sound.id)).rejects.toMatchObject({
      code: "INVALID_STATE",
      message: expect.stringContaining("en cours de génération"),
    });

    // A submitted dossier's content changed behind the app's back: its receipt must not be signed.
    await testDb.application.update({ where: { id: altered.id }, data: { projectTitle: "Changé après le dépôt" } });
    await expect(issuePendingReceipts()).rejects.toThrow(altered.submissionId);

    // The log is kept between tests (append-only): this dossier's entries only.
    const downloads = () =>
      testDb.auditEvent.findMany({
        where: { action: "application.receipt_downloaded", targetId: sound.id },
        select: { actorId: true, targetType: true, targetId: true, details: true },
      });
    // Not ready yet: no download to audit.
    expect(await downloads()).toEqual([]);
    const receipt = await readReceipt(sound.director, sound.id);
    expect(receipt.bytes.subarray(0, 5).toString()).toBe("%PDF-");
    const { receivedAt } = await testDb.submission.findUniqueOrThrow({ where: { id: sound.submissionId }, select: { receivedAt: true } });
    expect(await downloads()).toEqual([
      { actorId: sound.director.userId, targetType: "Application", targetId: sound.id, details: { receivedAt: receivedAt.toISOString() } },
    ]);
    // Named after the establishment and the dossier's reference, which the receipt quotes.
    const { number } = await testDb.application.findUniqueOrThrow({ where: { id: sound.id }, select: { number: true } });
    expect(receipt.fileName).toBe(`accuse-de-reception-${sound.finess}-${dossierReference(number)}.pdf`);
    expect(
      extractPdfText(receipt.bytes)
        .join("\n")
        .replace(/\u00a0|\u202f/g, " "),
    ).toContain(`Référence du dossier : ${dossierReference(number)}`);
    expect(await testDb.outboxEmail.count({ where: { dedupeKey: { startsWith: `receipt:${sound.submissionId}:` } } })).toBe(1);
    expect((await testDb.submission.findUniqueOrThrow({ where: { id: altered.submissionId } })).receiptKey).toBeNull();
    expect(await testDb.outboxEmail.count({ where: { dedupeKey: { startsWith: `receipt:${altered.submissionId}:` } } })).toBe(0);
  });

  it("issued late, says what comes next from where the dossier stands: decided, withdrawn or still in review", async () => {
    const wave = await createOpenWave(testDb, { closesAt: new Date(Date.now() + 86_400_000) });
    const dossiers = [];
    for (let index = 0; index < 3; index += 1) {
      const { establishment, director } = await establishmentWithDirector(testDb);
      const draft = await createDraft(testDb, establishment.id, wave, { complete: true });
      const submitted = await submitApplication(director, { applicationId: draft.id, idempotencyKey: crypto.randomUUID(), ip: null });
      dossiers.push({ id: draft.id, submissionId: submitted.submissionId });
    }
    const [inReview, withdrawn, decided] = dossiers as [(typeof dossiers)[number], (typeof dossiers)[number], (typeof dossiers)[number]];
    // Before the job runs (as with the demo's dossiers at the first start), one is withdrawn, one decided.
    await testDb.application.update({ where: { id: withdrawn.id }, data: { state: "WITHDRAWN" } });
    await testDb.application.update({ where: { id: decided.id }, data: { state: "SCORED" } });
    await testDb.decision.create({
      data: { applicationId: decided.id, waveId: wave.waveId, outcome: "WAITLISTED", reasons: "Liste d'attente.", releasedAt: new Date() },
    });

    await issuePendingReceipts();
    const nextOf = async (submissionId: string) => {
      const email = await testDb.outboxEmail.findFirstOrThrow({ where: { dedupeKey: { startsWith: `receipt:${submissionId}:` } } });
      return email.text.replace(/\u00a0/g, " ").split("Et ensuite ? ")[1]!;
    };
    expect(await nextOf(inReview.submissionId)).toMatch(/^Votre dossier est maintenant instruit par l'ANS\./);
    expect(await nextOf(withdrawn.submissionId)).toMatch(/^Votre dossier a été retiré : il ne sera pas instruit/);
    expect(await nextOf(withdrawn.submissionId)).not.toContain("La décision vous sera notifiée");
    expect(await nextOf(decided.submissionId)).toMatch(
      /^La décision sur votre dossier a été publiée : sa lettre se trouve sur la page du dossier\./,
    );
    expect(await nextOf(decided.submissionId)).not.toContain("instruit");
  });
});
