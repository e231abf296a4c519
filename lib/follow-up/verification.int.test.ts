import { beforeEach, describe, expect, it } from "vitest";
import type { Viewer } from "@/lib/access/viewer";
import { readAttachment } from "@/lib/attachments/upload-attachment";
import { FILES } from "@/lib/attachments/testing/files";
import type { ReviewTiers } from "@/lib/db/generated/enums";
import { storedKeys } from "@/lib/storage/testing/stored-keys";
import { createReviewer, createSelectedDossier, createUser, directorOf, programmeManager } from "@/test/factories";
import { resetDatabase, testDb } from "@/test/integration/database";
import { answerInformationRequest } from "./answer-information-request";
import { declareResults } from "./declare-results";
import { getVerification } from "./get-verification";
import { listFollowUps, ZFollowUpFilters } from "./list-follow-ups";
import { listVerificationQueue } from "./list-verification-queue";
import { recordVerificationStep } from "./record-verification-step";
import { sendFollowUpReminders } from "./send-follow-up-reminders";
import { trancheTotals } from "./tranche-totals";

const NOW = new Date("2026-12-02T10:00:00Z");
const LATER = new Date("2026-12-05T10:00:00Z");
const CODES = ["O1", "O2", "O3", "O4"];
const file = (name: string, bytes: Buffer, type = "application/pdf") => ({ bytes: new Uint8Array(bytes), name, type });

const declaration = (evidence: Array<{ objectiveCode: string; files: ReturnType<typeof file>[] }> = [], codes = CODES) => ({
  objectives: codes.map((objectiveCode) => ({ objectiveCode, achieved: true, comment: `Résultat de ${objectiveCode}.` })),
  evidence,
  ip: null,
  now: NOW,
});
const approveAll = (version: number, now = LATER) => ({
  step: "decide" as const,
  version,
  objectives: CODES.map((objectiveCode) => ({ objectiveCode, decision: "approve" as const, reason: "" })),
  ip: null,
  now,
});

/** The queued e-mails, by subject then address (code point order, whatever the database's collation). */
async function outbox() {
  const mails = await testDb.outboxEmail.findMany({ select: { to: true, subject: true } });
  const key = (mail: { to: string; subject: string }) => `${mail.subject}\u0000${mail.to}`;
  return mails.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

/** A selected dossier in region 75, its director, an ARS reviewer of 75 and one of 11, an ANS reviewer. */
async function world(reviewTiers: ReviewTiers = "REGIONAL_THEN_NATIONAL") {
  const dossier = await createSelectedDossier(testDb, { name: "CH de Niort", regionCode: "75", reviewTiers });
  return {
    dossier,
    director: await directorOf(testDb, dossier.establishment.id),
    ars: await createReviewer(testDb, { role: "REGIONAL_REVIEWER", regions: ["75"], name: "Aline ARS" }),
    arsElsewhere: await createReviewer(testDb, { role: "REGIONAL_REVIEWER", regions: ["11"], name: "Hugo ARS" }),
    ans: await createReviewer(testDb, { name: "Nadia ANS" }),
  };
}

describe("verification of declared results", () => {
  beforeEach(resetDatabase);

  it("records each objective's evidence with the declaration and starts the ARS check, due 30 days later; the director and the region's ARS are told", async () => {
    const { dossier, director, ars, arsElsewhere } = await world();
    await declareResults(director, dossier.id, {
      ...declaration([
        { objectiveCode: "O1", files: [file("attestation CPS.pdf", FILES.pdf)] },
        { objectiveCode: "O3", files: [file("capture.png", FILES.png, "image/png"), file("bilan.pdf", FILES.pdf)] },
      ]),
    });
    const view = await getVerification(ars, dossier.id, NOW);
    expect(
      view.declaration!.objectives.map((objective) => [objective.objectiveCode, objective.evidence.map((entry) => entry.fileName)]),
    ).toEqual([
      ["O1", ["attestation CPS.pdf"]],
      ["O2", []],
      ["O3", ["capture.png", "bilan.pdf"]],
      ["O4", []],
    ]);
    expect(view.verification).toMatchObject({ state: "WITH_ARS", tier: "REGIONAL", dueAt: new Date("2027-01-01T10:00:00Z"), version: 1 });
    expect(view.decideAs).toBe("REGIONAL");
    // The evidence is not a file of the dossier's content, and the region's ARS reads it.
    const evidenceId = view.declaration!.objectives[0]!.evidence[0]!.id;
    expect((await readAttachment(ars, evidenceId)).fileName).toBe("attestation CPS.pdf");
    await expect(readAttachment(arsElsewhere, evidenceId)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getVerification(arsElsewhere, dossier.id)).rejects.toMatchObject({ code: "NOT_FOUND" });

    const mails = await outbox();
    expect(mails).toEqual([
      { to: director.email, subject: "Déclaration de résultats reçue – HospiConnect" },
      { to: ars.email, subject: "Déclaration de résultats à vérifier – CH de Niort" },
    ]);
  });

  it("is all or nothing: a refused file, or a refusal after the files were stored, leaves no declaration, no row and no file", async () => {
    const { dossier, director } = await world();
    const before = await storedKeys();
    await expect(
      declareResults(director, dossier.id, {
        ...declaration([
          { objectiveCode: "O1", files: [file("preuve.pdf", FILES.pdf)] },
          { objectiveCode: "O2", files: [file("preuve.pdf", FILES.exe)] },
        ]),
      }),
    ).rejects.toMatchObject({
      code: "INVALID_INPUT",
      fieldErrors: { "objectives.1.evidence": [expect.stringContaining("preuve.pdf")] },
    });
    // Every objective must be declared: refused inside the transaction, after the good file was stored.
    await expect(
      declareResults(director, dossier.id, declaration([{ objectiveCode: "O1", files: [file("preuve.pdf", FILES.pdf)] }], ["O1"])),
    ).rejects.toMatchObject({ code: "INVALID_INPUT" });
    expect(await storedKeys()).toEqual(before);
    expect(
      await Promise.all([
        testDb.resultDeclaration.count(),
        testDb.indicatorSnapshot.count(),
        testDb.attachment.count(),
        testDb.resultVerification.count(),
        testDb.outboxEmail.count(),
      ]),
    ).toEqual([0, 0, 0, 0, 0]);
  });

  it("goes from the ARS to the ANS to « validé », each step under the tier's rights and the verification's version, audited and mailed", async () => {
    const { dossier, director, ars, arsElsewhere, ans } = await world();
    const manager = await programmeManager(testDb);
    await declareResults(director, dossier.id, declaration());

    // The ANS does not act while the ARS holds it; an ARS reviewer of another region does not even see it.
    await expect(recordVerificationStep(ans, dossier.id, approveAll(1))).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(recordVerificationStep(arsElsewhere, dossier.id, approveAll(1))).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(recordVerificationStep(director, dossier.id, approveAll(1))).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      recordVerificationStep(ars, dossier.id, {
        ...approveAll(1),
        objectives: [{ objectiveCode: "O1", decision: "approve", reason: "" }],
      }),
    ).rejects.toMatchObject({
      code: "INVALID_INPUT",
      fieldErrors: { "objectives.1.decision": ["Décidez de l'objectif O2."] },
    });

    expect(await recordVerificationStep(ars, dossier.id, approveAll(1))).toMatchObject({ state: "WITH_ANS" });
    // A second ARS decision from the same, now stale, page.
    await expect(recordVerificationStep(ars, dossier.id, approveAll(1))).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(recordVerificationStep(manager, dossier.id, approveAll(1))).rejects.toMatchObject({ code: "CONFLICT" });
    const balance = () =>
      testDb.tranche.findUniqueOrThrow({
        where: { applicationId_kind: { applicationId: dossier.id, kind: "BALANCE" } },
        select: { status: true },
      });
    expect(await balance()).toEqual({ status: "PLANNED" });
    expect(await recordVerificationStep(ans, dossier.id, approveAll(2))).toMatchObject({ state: "VALIDATED" });
    // « La validation rend le solde exigible », in the validation's own transaction.
    expect(await balance()).toEqual({ status: "DUE" });

    const view = await getVerification(director, dossier.id);
    expect(view.verification!.state).toBe("VALIDATED");
    expect(view.verification!.steps.map((step) => [step.action, step.tier, step.toState, step.verdicts.length])).toEqual([
      ["DECLARE", "REGIONAL", "WITH_ARS", 0],
      ["APPROVE", "REGIONAL", "WITH_ANS", 4],
      ["APPROVE", "NATIONAL", "VALIDATED", 4],
    ]);
    const audit = await testDb.auditEvent.findMany({
      where: { targetId: dossier.id, action: { startsWith: "follow_up." } },
      orderBy: { id: "asc" },
      select: { action: true, actorLabel: true },
    });
    expect(audit).toEqual([
      { action: "follow_up.results_declared", actorLabel: director.email },
      { action: "follow_up.verification_approve", actorLabel: ars.email },
      { action: "follow_up.verification_approve", actorLabel: ans.email },
    ]);
    const mails = (await outbox()).filter((mail) => mail.to === director.email || mail.to === ans.email);
    expect(mails).toEqual([
      { to: director.email, subject: "Déclaration de résultats reçue – HospiConnect" },
      { to: ans.email, subject: "Déclaration de résultats à valider – CH de Niort" },
      { to: director.email, subject: "Résultats approuvés par l'ARS – HospiConnect" },
      { to: director.email, subject: "Résultats validés par l'ANS – HospiConnect" },
    ]);
  });

  it("validates the results of a grant paid in one go: all in advance, there is no balance to make due; none in advance, the whole grant becomes due; each is « Soldé » once its only tranche is paid", async () => {
    const ans = await createReviewer(testDb, { name: "Nadia ANS" });
    const manager = await programmeManager(testDb);
    const validated = async (advanceSharePercent: number) => {
      const dossier = await createSelectedDossier(testDb, {
        amountGrantedCents: 1_000_001n,
        advanceSharePercent,
        reviewTiers: "NATIONAL_ONLY",
      });
      const director = await directorOf(testDb, dossier.establishment.id);
      await declareResults(director, dossier.id, declaration());
      // What the ANS is told its validation makes due.
      const { balanceCents } = await getVerification(ans, dossier.id);
      expect(await recordVerificationStep(ans, dossier.id, approveAll(1))).toMatchObject({ state: "VALIDATED" });
      const tranches = await testDb.tranche.findMany({
        where: { applicationId: dossier.id },
        select: { kind: true, amountCents: true, status: true },
      });
      const mail = await testDb.outboxEmail.findFirstOrThrow({
        where: { to: director.email, subject: "Résultats validés par l'ANS – HospiConnect" },
        select: { text: true },
      });
      return { balanceCents, tranches, mail: mail.text.replace(/[\u00a0\u202f]/g, " ") };
    };
    const allInAdvance = await validated(100);
    expect(allInAdvance.balanceCents).toBeNull();
    expect(allInAdvance.tranches).toEqual([{ kind: "ADVANCE", amountCents: 1_000_001n, status: "DUE" }]);
    expect(allInAdvance.mail).not.toContain("solde");
    const noAdvance = await validated(0);
    expect(noAdvance.balanceCents).toBe(1_000_001n);
    expect(noAdvance.tranches).toEqual([{ kind: "BALANCE", amountCents: 1_000_001n, status: "DUE" }]);
    expect(noAdvance.mail).toContain("le solde de la subvention, 10 000,01 €, devient exigible.");

    const stages = async () => {
      const { rows, summary } = await listFollowUps(manager, ZFollowUpFilters.parse({}), LATER);
      return { rows: rows.map((row) => row.stage), settled: summary.byStage.find((entry) => entry.stage === "SETTLED")!.count };
    };
    expect(await stages()).toEqual({ rows: ["VALIDATED", "VALIDATED"], settled: 0 });
    await testDb.tranche.updateMany({ data: { status: "PAID", orderedOn: LATER, paidOn: LATER, paymentReference: "MDT-1" } });
    expect(await stages()).toEqual({ rows: ["SETTLED", "SETTLED"], settled: 2 });
  });

  it("reminds the tier's verifiers 7 days before its due date through the follow-up reminders job, once even when it runs twice", async () => {
    const { dossier, director, ars, ans } = await world();
    const manager = await programmeManager(testDb);
    await declareResults(director, dossier.id, declaration());
    const reminders = async () =>
      (
        await testDb.outboxEmail.findMany({
          where: { dedupeKey: { startsWith: "verification-reminder:" } },
          select: { to: true, subject: true },
        })
      ).sort((a, b) => (a.to < b.to ? -1 : 1));

    // With the ARS, due 1 January 2027 at 11:00 in Paris: nothing 8 days before, the region's ARS 7 days before.
    await sendFollowUpReminders(new Date("2026-12-24T12:00:00Z"));
    expect(await reminders()).toEqual([]);
    await sendFollowUpReminders(new Date("2026-12-25T09:00:00Z"));
    await sendFollowUpReminders(new Date("2026-12-25T10:00:00Z"));
    expect(await reminders()).toEqual([
      { to: ars.email, subject: "Rappel\u00a0: déclaration de résultats à vérifier au plus tard le 1er janvier 2027 – CH de Niort" },
    ]);

    // Approved by the ARS on 28 December: with the ANS, due 27 January; its verifiers are reminded 7 days before, once.
    await recordVerificationStep(ars, dossier.id, approveAll(1, new Date("2026-12-28T10:00:00Z")));
    await sendFollowUpReminders(new Date("2027-01-20T09:00:00Z"));
    await expect(sendFollowUpReminders(new Date("2027-01-20T10:00:00Z"))).resolves.toMatchObject({ enqueued: 0 });
    const subject = "Rappel\u00a0: déclaration de résultats à valider au plus tard le 27 janvier 2027 – CH de Niort";
    expect((await reminders()).filter((mail) => mail.subject === subject)).toEqual(
      [
        { to: ans.email, subject },
        { to: manager.email, subject },
      ].sort((a, b) => (a.to < b.to ? -1 : 1)),
    );
    // Past the due date, no more « due soon » reminder.
    await sendFollowUpReminders(new Date("2027-01-27T11:00:00Z"));
    expect((await reminders()).filter((mail) => mail.subject === subject)).toHaveLength(2);
  });

  it("reminds the tier's verifiers once when its due date has passed while the step is pending, then the next tier's when its own has", async () => {
    const { dossier, director, ars, ans } = await world();
    const manager = await programmeManager(testDb);
    await declareResults(director, dossier.id, declaration());
    const overdue = async () =>
      (
        await testDb.outboxEmail.findMany({
          where: { dedupeKey: { startsWith: "verification-overdue:" } },
          select: { to: true, subject: true },
        })
      ).sort((a, b) => (a.to < b.to ? -1 : 1));

    // With the ARS, due 1 January 2027 at 11:00 in Paris: nothing a minute before, the region's ARS from then, once.
    await sendFollowUpReminders(new Date("2027-01-01T09:59:00Z"));
    expect(await overdue()).toEqual([]);
    await expect(sendFollowUpReminders(new Date("2027-01-01T10:00:00Z"))).resolves.toMatchObject({ enqueued: 1 });
    await expect(sendFollowUpReminders(new Date("2027-01-04T10:00:00Z"))).resolves.toMatchObject({ enqueued: 0 });
    expect(await overdue()).toEqual([
      { to: ars.email, subject: "Vérification en retard\u00a0: déclaration de résultats de «\u00a0CH de Niort\u00a0»" },
    ]);

    // Approved late by the ARS: with the ANS, due 9 February; its verifiers are told once it is late.
    await recordVerificationStep(ars, dossier.id, approveAll(1, new Date("2027-01-10T10:00:00Z")));
    await sendFollowUpReminders(new Date("2027-02-09T10:00:00Z"));
    await expect(sendFollowUpReminders(new Date("2027-02-09T11:00:00Z"))).resolves.toMatchObject({ enqueued: 0 });
    const subject = "Validation en retard\u00a0: déclaration de résultats de «\u00a0CH de Niort\u00a0»";
    expect((await overdue()).filter((mail) => mail.subject === subject)).toEqual(
      [
        { to: ans.email, subject },
        { to: manager.email, subject },
      ].sort((a, b) => (a.to < b.to ? -1 : 1)),
    );
  });

  it("sends no overdue reminder for a step decided in time, nor for one overdue for more than 7 Paris days", async () => {
    const { dossier, director, ans } = await world("NATIONAL_ONLY");
    const late = await world("NATIONAL_ONLY");
    await declareResults(director, dossier.id, declaration());
    await declareResults(late.director, late.dossier.id, declaration());
    await recordVerificationStep(ans, dossier.id, approveAll(1, new Date("2026-12-20T10:00:00Z")));
    // Both were due 1 January 2027 at 11:00 in Paris; the job was down until 9 January.
    await expect(sendFollowUpReminders(new Date("2027-01-09T00:00:00Z"))).resolves.toMatchObject({ enqueued: 0 });
    expect(await testDb.outboxEmail.count({ where: { dedupeKey: { startsWith: "verification-overdue:" } } })).toBe(0);
  });

  it("refuses the declaration when a tier refuses one objective, with its reason, and cancels the balance it will never pay", async () => {
    const { dossier, director, ans } = await world("NATIONAL_ONLY");
    await declareResults(director, dossier.id, declaration());
    const decision = approveAll(1);
    decision.objectives[1] = { objectiveCode: "O2", decision: "refuse" as "approve", reason: "Aucune preuve de déploiement." };
    expect(await recordVerificationStep(ans, dossier.id, decision)).toMatchObject({ state: "REFUSED" });
    const tranches = await testDb.tranche.findMany({
      where: { applicationId: dossier.id },
      orderBy: { kind: "asc" },
      select: { kind: true, status: true },
    });
    expect(tranches).toEqual([
      { kind: "ADVANCE", status: "DUE" },
      { kind: "BALANCE", status: "CANCELLED" },
    ]);
    expect((await trancheTotals(testDb, dossier.wave.waveId)).PLANNED).toBe(0n);
    const view = await getVerification(director, dossier.id);
    expect(view.verification!.steps.at(-1)!.verdicts.filter((verdict) => !verdict.approved)).toEqual([
      { objectiveCode: "O2", approved: false, reason: "Aucune preuve de déploiement." },
    ]);
    expect(view.decideAs).toBeNull();
    // The director is told which objective, by its title as well as its code.
    const o2 = await testDb.objective.findFirstOrThrow({
      where: { waveVersionId: dossier.wave.versionId, code: "O2" },
      select: { title: true },
    });
    const refusal = await testDb.outboxEmail.findFirstOrThrow({
      where: { to: director.email, subject: "Résultats refusés – HospiConnect" },
    });
    expect(refusal.text).toContain(`- O2 (${o2.title})\u00a0: Aucune preuve de déploiement.`);
    // And what the refusal costs: the balance of the grant, 30 % of 10 000,01 € paid in advance.
    expect(refusal.text.replace(/[\u00a0\u202f]/g, " ")).toContain(
      "L'ANS refuse les résultats déclarés par « CH de Niort » : le solde de la subvention, 7 000,01 €, est annulé et ne sera pas versé.",
    );
  });

  it("approves an objective the establishment declares not achieved only with a reason, which the step keeps", async () => {
    const { dossier, director, ans } = await world("NATIONAL_ONLY");
    const declared = declaration();
    declared.objectives[0] = { objectiveCode: "O1", achieved: false, comment: "22 professionnels sans e-CPS." };
    await declareResults(director, dossier.id, declared);
    await expect(recordVerificationStep(ans, dossier.id, approveAll(1))).rejects.toMatchObject({
      code: "INVALID_INPUT",
      fieldErrors: { "objectives.0.reason": ["Motivez l'approbation : l'établissement déclare cet objectif non atteint."] },
    });
    expect((await testDb.tranche.findFirstOrThrow({ where: { applicationId: dossier.id, kind: "BALANCE" } })).status).toBe("PLANNED");
    const explained = approveAll(1);
    explained.objectives[0] = { objectiveCode: "O1", decision: "approve", reason: "Enrôlement terminé depuis, pièces jointes." };
    expect(await recordVerificationStep(ans, dossier.id, explained)).toMatchObject({ state: "VALIDATED" });
  });

  it("sends the declaration back to the establishment with a message and a deadline; the director's answer with files returns it to the tier that asked", async () => {
    const { dossier, director, ans } = await world("NATIONAL_ONLY");
    const editor = await createUser(testDb, { establishmentId: dossier.establishment.id, membershipRole: "EDITOR" });
    await declareResults(director, dossier.id, declaration());
    const request = { step: "requestInformation" as const, version: 1, message: "Joignez la liste des e-CPS.", ip: null };
    await expect(recordVerificationStep(ans, dossier.id, { ...request, responseDueOn: "2026-12-01", now: LATER })).rejects.toMatchObject({
      code: "INVALID_INPUT",
      fieldErrors: { responseDueOn: ["La date limite de réponse doit être dans le futur."] },
    });
    await expect(
      answerInformationRequest(director, dossier.id, { version: 1, message: "Trop tôt.", files: [], ip: null }),
    ).rejects.toMatchObject({ code: "INVALID_STATE" });
    await recordVerificationStep(ans, dossier.id, { ...request, responseDueOn: "2027-01-15", now: LATER });

    const asked = await getVerification(director, dossier.id);
    expect(asked.verification).toMatchObject({ state: "INFORMATION_REQUESTED", tier: "NATIONAL", dueAt: new Date("2027-01-15T22:59:59Z") });
    expect(asked.verification!.request).toMatchObject({ message: "Joignez la liste des e-CPS." });
    expect(asked.canAnswer).toBe(true);
    expect(
      await testDb.outboxEmail.findMany({ where: { to: director.email, subject: { startsWith: "Complément" } }, select: { text: true } }),
    ).toEqual([{ text: expect.stringContaining("Joignez la liste des e-CPS.") }]);

    await expect(
      answerInformationRequest(editor.viewer as Viewer, dossier.id, { version: 2, message: "Voici.", files: [], ip: null }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await answerInformationRequest(director, dossier.id, {
      version: 2,
      message: "Voici la liste.",
      files: [file("liste e-CPS.pdf", FILES.pdf)],
      ip: null,
      now: LATER,
    });
    const answered = await getVerification(ans, dossier.id);
    expect(answered.verification).toMatchObject({
      state: "WITH_ANS",
      tier: "NATIONAL",
      version: 3,
      dueAt: new Date("2027-01-04T10:00:00Z"),
    });
    expect(answered.verification!.steps.at(-1)).toMatchObject({
      action: "ANSWER",
      message: "Voici la liste.",
      attachments: [{ fileName: "liste e-CPS.pdf" }],
    });
    expect(answered.decideAs).toBe("NATIONAL");
  });

  it("keeps the answer's files all or nothing: a refused file or a stale version leaves no step, no row and no stored file", async () => {
    const { dossier, director, ans } = await world("NATIONAL_ONLY");
    await declareResults(director, dossier.id, declaration());
    await recordVerificationStep(ans, dossier.id, {
      step: "requestInformation",
      version: 1,
      message: "Joignez la procédure signée.",
      responseDueOn: "2027-01-15",
      ip: null,
      now: LATER,
    });
    const before = await storedKeys();
    const rows = () => Promise.all([testDb.verificationStep.count({ where: { action: "ANSWER" } }), testDb.attachment.count()]);
    await expect(
      answerInformationRequest(director, dossier.id, {
        version: 2,
        message: "Voici.",
        files: [file("procédure.pdf", FILES.pdf), file("procédure-2.pdf", FILES.exe)],
        ip: null,
        now: LATER,
      }),
    ).rejects.toMatchObject({ code: "INVALID_INPUT", fieldErrors: { files: [expect.stringContaining("procédure-2.pdf")] } });
    // Both files were good; the version was not: the transaction refuses after they were stored.
    await expect(
      answerInformationRequest(director, dossier.id, {
        version: 1,
        message: "Voici.",
        files: [file("procédure.pdf", FILES.pdf), file("scan.png", FILES.png, "image/png")],
        ip: null,
        now: LATER,
      }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await storedKeys()).toEqual(before);
    expect(await rows()).toEqual([0, 0]);
    expect((await getVerification(director, dossier.id)).verification).toMatchObject({ state: "INFORMATION_REQUESTED", version: 2 });
  });

  it("carries the answer's files to the tier that asked: shown with the answer, read by its verifier, in the journal and the e-mail", async () => {
    const { dossier, director, ans } = await world("NATIONAL_ONLY");
    await declareResults(director, dossier.id, declaration());
    await recordVerificationStep(ans, dossier.id, {
      step: "requestInformation",
      version: 1,
      message: "Joignez la procédure signée.",
      responseDueOn: "2027-01-15",
      ip: null,
      now: LATER,
    });
    const { stepId } = await answerInformationRequest(director, dossier.id, {
      version: 2,
      message: "La voici, avec la capture de l'écran de signature.",
      files: [file("procédure signée.pdf", FILES.pdf), file("capture.png", FILES.png, "image/png")],
      ip: null,
      now: LATER,
    });
    const step = (await getVerification(ans, dossier.id, LATER)).verification!.steps.at(-1)!;
    expect(step).toMatchObject({ id: stepId, action: "ANSWER", message: "La voici, avec la capture de l'écran de signature." });
    expect(step.attachments.map((attachment) => attachment.fileName)).toEqual(["procédure signée.pdf", "capture.png"]);
    const read = await readAttachment(ans, step.attachments[0]!.id);
    expect({ fileName: read.fileName, mimeType: read.mimeType, bytes: Buffer.from(read.bytes) }).toEqual({
      fileName: "procédure signée.pdf",
      mimeType: "application/pdf",
      bytes: FILES.pdf,
    });

    const rows = await testDb.attachment.findMany({ where: { verificationStepId: stepId }, select: { sha256: true } });
    const audit = await testDb.auditEvent.findFirstOrThrow({
      where: { action: "follow_up.verification_answer", targetId: dossier.id },
      select: { actorId: true, details: true },
    });
    expect(audit.actorId).toBe(director.userId);
    expect((audit.details as { files: string[] }).files.sort()).toEqual(rows.map((row) => row.sha256).sort());

    const texts = (
      await testDb.outboxEmail.findMany({
        where: { to: ans.email, subject: { startsWith: "Déclaration de résultats à valider" } },
        select: { text: true },
      })
    ).map((mail) => mail.text.replace(/[\u00a0\u202f]/g, " ")); // the outbox's French non-breaking spaces as plain ones
    // The declaration's arrival, then the answer's: only the answer names files.
    expect(texts).toHaveLength(2);
    expect(texts.filter((text) => text.includes("pièce"))).toEqual([
      expect.stringContaining("Sa réponse est accompagnée de 2 pièces jointes : « procédure signée.pdf », « capture.png »."),
    ]);
  });

  it("lists for each tier what waits for it, in its regions, the earliest due first; a conflict of interests keeps a reviewer out", async () => {
    const { dossier, director, ars, arsElsewhere, ans } = await world();
    const second = await createSelectedDossier(testDb, { name: "EHPAD du Lac", regionCode: "75", reviewTiers: "REGIONAL_THEN_NATIONAL" });
    const elsewhere = await createSelectedDossier(testDb, { name: "CH de Lille", regionCode: "32", reviewTiers: "REGIONAL_THEN_NATIONAL" });
    await declareResults(await directorOf(testDb, second.establishment.id), second.id, {
      ...declaration(),
      now: new Date("2026-11-20T10:00:00Z"),
    });
    await declareResults(director, dossier.id, declaration());
    await declareResults(await directorOf(testDb, elsewhere.establishment.id), elsewhere.id, declaration());
    await recordVerificationStep(ars, dossier.id, approveAll(1));

    const names = async (viewer: Viewer) =>
      (await listVerificationQueue(viewer, { page: 1 }, LATER)).items.map((item) => item.establishment);
    expect(await names(ars)).toEqual(["EHPAD du Lac"]);
    expect(await names(arsElsewhere)).toEqual([]);
    expect(await names(ans)).toEqual(["CH de Niort"]);
    await expect(listVerificationQueue(director, { page: 1 })).rejects.toMatchObject({ code: "NOT_FOUND" });

    await testDb.reviewerAssignment.create({
      data: {
        applicationId: dossier.id,
        reviewerId: ans.userId,
        tier: "NATIONAL",
        conflict: { create: { hasConflict: true, type: "PERSONAL_TIE" } },
      },
    });
    expect(await names(ans)).toEqual([]);
    await expect(getVerification(ans, dossier.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("lets one of two ARS reviewers deciding at once win; the other is told the verification changed", async () => {
    const { dossier, director, ars } = await world();
    const colleague = await createReviewer(testDb, { role: "REGIONAL_REVIEWER", regions: ["75"] });
    await declareResults(director, dossier.id, declaration());
    const results = await Promise.allSettled([
      recordVerificationStep(ars, dossier.id, approveAll(1)),
      recordVerificationStep(colleague, dossier.id, approveAll(1)),
    ]);
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    expect(results.find((result) => result.status === "rejected")).toMatchObject({
      reason: { code: "CONFLICT" },
    });
    expect(await testDb.verificationStep.count({ where: { action: "APPROVE" } })).toBe(1);
  });
});
