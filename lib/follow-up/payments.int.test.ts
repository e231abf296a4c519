import { readFileSync } from "node:fs";
import ExcelJS from "exceljs";
import { beforeEach, describe, expect, it } from "vitest";
import { releaseDecisions } from "@/lib/decisions/release-decisions";
import { stageDecision } from "@/lib/decisions/stage-decision";
import {
  createReviewer,
  createReviewWave,
  createScoredDossier,
  createSelectedDossier,
  createUser,
  decisionProposal,
  directorOf,
  programmeManager,
} from "@/test/factories";
import { resetDatabase, testDb } from "@/test/integration/database";
import { dossierReference } from "@/lib/applications/dossier-reference";
import { exportTranchesToOrder } from "./export-tranches-to-order";
import { getFollowUp } from "./get-follow-up";
import { makeBalanceTrancheDue } from "./make-balance-due";
import { recordTrancheStep } from "./record-tranche-step";
import { trancheTotals } from "./tranche-totals";
import { updateFollowUpSettings } from "./update-follow-up-settings";

const NOW = new Date("2027-03-10T10:00:00Z");

async function trancheOf(applicationId: string, kind: "ADVANCE" | "BALANCE") {
  return testDb.tranche.findUniqueOrThrow({ where: { applicationId_kind: { applicationId, kind } } });
}

/** Tranches on a real database: created at release, recorded by a manager, the balance made due by validation. */
describe("payments", () => {
  beforeEach(resetDatabase);

  it("stores each grant's tranches in the release's transaction (advance due, balance planned), none for a refusal; a share set later adds the missing ones", async () => {
    const manager = await programmeManager(testDb);
    const wave = await createReviewWave(testDb);
    const alice = await createReviewer(testDb);
    const reviews = [{ reviewerId: alice.userId, value: 4 }];
    const [granted, refused] = [await createScoredDossier(testDb, wave, reviews), await createScoredDossier(testDb, wave, reviews)];
    await stageDecision(manager, decisionProposal({ applicationId: granted.id, amountGranted: "10 000,01" }));
    await stageDecision(manager, decisionProposal({ applicationId: refused.id, outcome: "REJECTED", reasons: "Hors périmètre." }));

    // The wave has no advance share yet: the release stores no tranche, the settings do.
    await releaseDecisions(manager, { waveId: wave.waveId, ip: null }, NOW);
    expect(await testDb.tranche.count()).toBe(0);
    const { version } = await testDb.wave.findUniqueOrThrow({ where: { id: wave.waveId }, select: { version: true } });
    await updateFollowUpSettings(manager, wave.waveId, { advanceSharePercent: 30, targets: [], expectedVersion: version, ip: null });
    const stored = await testDb.tranche.findMany({
      orderBy: { kind: "asc" },
      select: { applicationId: true, kind: true, amountCents: true, status: true, dueAt: true },
    });
    expect(stored).toEqual([
      { applicationId: granted.id, kind: "ADVANCE", amountCents: 300_000n, status: "DUE", dueAt: NOW },
      { applicationId: granted.id, kind: "BALANCE", amountCents: 700_001n, status: "PLANNED", dueAt: null },
    ]);
    // Set again: the stored tranches keep their amounts and nothing is added.
    await updateFollowUpSettings(manager, wave.waveId, { advanceSharePercent: 50, targets: [], expectedVersion: version + 1, ip: null });
    expect(await testDb.tranche.findMany({ orderBy: { kind: "asc" }, select: { amountCents: true } })).toEqual([
      { amountCents: 300_000n },
      { amountCents: 700_001n },
    ]);
  });

  it("creates the tranches at release when the share is set", async () => {
    expect(await releasedTranches(40)).toEqual([
      { kind: "ADVANCE", amountCents: 40_000n, status: "DUE" },
      { kind: "BALANCE", amountCents: 60_000n, status: "PLANNED" },
    ]);
  });

  it("stores no tranche of 0 €: a wave paying nothing in advance releases the balance alone, one paying it all the advance alone", async () => {
    // As the letter says: « en une fois, après validation des résultats », nothing to order before.
    expect(await releasedTranches(0)).toEqual([{ kind: "BALANCE", amountCents: 100_000n, status: "PLANNED" }]);
    // « En une fois, à la notification »: no balance left to wait for.
    expect(await releasedTranches(100)).toEqual([{ kind: "ADVANCE", amountCents: 100_000n, status: "DUE" }]);
  });

  it("drops by migration the tranches of 0 € stored before while nothing is recorded on them; one ordered or paid stays", async () => {
    const day = new Date("2027-03-01T00:00:00Z");
    const STORED = {
      PLANNED: { kind: "BALANCE", advanceSharePercent: 100 },
      DUE: { kind: "ADVANCE", advanceSharePercent: 0, dueAt: NOW },
      CANCELLED: { kind: "BALANCE", advanceSharePercent: 100 },
      ORDERED: { kind: "ADVANCE", advanceSharePercent: 0, dueAt: NOW, orderedOn: day },
      PAID: { kind: "ADVANCE", advanceSharePercent: 0, dueAt: NOW, orderedOn: day, paidOn: day, paymentReference: "MDT-0" },
    } as const;
    /** A grant with the tranche of 0 € the release stored before, in `status`. */
    const withEmptyTranche = async (status: keyof typeof STORED) => {
      const { advanceSharePercent, ...tranche } = STORED[status];
      const dossier = await createSelectedDossier(testDb, { advanceSharePercent });
      await testDb.tranche.create({
        data: { ...tranche, applicationId: dossier.id, decisionId: dossier.decisionId, amountCents: 0n, status },
      });
      return dossier.id;
    };
    const ids = {} as Record<keyof typeof STORED, string>;
    for (const status of Object.keys(STORED) as Array<keyof typeof STORED>) ids[status] = await withEmptyTranche(status);

    await testDb.$executeRawUnsafe(readFileSync("prisma/migrations/20261206213000_delete_empty_tranches/migration.sql", "utf8"));
    const left = await testDb.tranche.findMany({ where: { amountCents: 0n }, select: { applicationId: true, status: true } });
    expect(left.sort((a, b) => a.status.localeCompare(b.status))).toEqual([
      { applicationId: ids.ORDERED, status: "ORDERED" },
      { applicationId: ids.PAID, status: "PAID" },
    ]);
    // The grants' other tranches are untouched.
    expect(await testDb.tranche.count({ where: { amountCents: { gt: 0n } } })).toBe(5);
  });

  it("records the order then the payment with their days and reference, audited; the director sees them and the wave's totals follow", async () => {
    const dossier = await createSelectedDossier(testDb, { amountGrantedCents: 1_000_000n, advanceSharePercent: 30 });
    const manager = await programmeManager(testDb);
    const advance = await trancheOf(dossier.id, "ADVANCE");
    const today = "2027-03-10";

    await expect(
      recordTrancheStep(manager, advance.id, { step: "pay", paidOn: today, paymentReference: "MDT-1", ip: null }, NOW),
    ).rejects.toMatchObject({
      code: "INVALID_STATE",
    });
    await expect(recordTrancheStep(manager, advance.id, { step: "order", orderedOn: "2027-03-11", ip: null }, NOW)).rejects.toMatchObject({
      code: "INVALID_INPUT",
      fieldErrors: { orderedOn: ["La date d'ordonnancement ne peut pas être dans le futur."] },
    });
    const director = await directorOf(testDb, dossier.establishment.id);
    await expect(recordTrancheStep(director, advance.id, { step: "order", orderedOn: today, ip: null }, NOW)).rejects.toMatchObject({
      code: "FORBIDDEN",
    });

    await recordTrancheStep(manager, advance.id, { step: "order", orderedOn: "2027-03-01", ip: "192.0.2.1" }, NOW);
    expect(await trancheTotals(testDb, dossier.wave.waveId)).toEqual({
      PLANNED: 700_000n,
      DUE: 0n,
      ORDERED: 300_000n,
      PAID: 0n,
      CANCELLED: 0n,
    });
    await recordTrancheStep(manager, advance.id, { step: "pay", paidOn: "2027-03-08", paymentReference: "MDT-2027-0042", ip: null }, NOW);

    expect(await trancheOf(dossier.id, "ADVANCE")).toMatchObject({
      status: "PAID",
      orderedOn: new Date("2027-03-01T00:00:00Z"),
      orderedById: manager.userId,
      paidOn: new Date("2027-03-08T00:00:00Z"),
      paymentReference: "MDT-2027-0042",
      paidById: manager.userId,
    });
    expect(await trancheTotals(testDb, dossier.wave.waveId)).toEqual({
      PLANNED: 700_000n,
      DUE: 0n,
      ORDERED: 0n,
      PAID: 300_000n,
      CANCELLED: 0n,
    });
    const audit = await testDb.auditEvent.findMany({
      where: { targetId: advance.id },
      orderBy: { id: "asc" },
      select: { action: true, details: true },
    });
    expect(audit).toMatchObject([
      { action: "tranche.order", details: { from: "DUE", to: "ORDERED", orderedOn: "2027-03-01", amountCents: "300000" } },
      { action: "tranche.pay", details: { from: "ORDERED", to: "PAID", paidOn: "2027-03-08", paymentReference: "MDT-2027-0042" } },
    ]);
    const followUp = await getFollowUp(director, dossier.id, NOW);
    expect(followUp.tranches).toMatchObject([
      { kind: "ADVANCE", status: "PAID", orderedOn: "2027-03-01", paidOn: "2027-03-08", paymentReference: "MDT-2027-0042" },
      { kind: "BALANCE", status: "PLANNED" },
    ]);

    // A correction goes one step back, with its reason and what it undid in the journal.
    await recordTrancheStep(manager, advance.id, { step: "undo-payment", reason: "Mandat d'un autre dossier.", ip: null }, NOW);
    expect(await trancheOf(dossier.id, "ADVANCE")).toMatchObject({
      status: "ORDERED",
      paidOn: null,
      paymentReference: null,
      paidById: null,
    });
    expect(
      await testDb.auditEvent.findFirst({ where: { action: "tranche.undo_payment", targetId: advance.id }, select: { details: true } }),
    ).toMatchObject({
      details: { reason: "Mandat d'un autre dossier.", paymentReference: "MDT-2027-0042", paidOn: "2027-03-08" },
    });
  });

  it("e-mails each active member of the establishment when a tranche is paid, once even when the payment is recorded again", async () => {
    const dossier = await createSelectedDossier(testDb, { name: "CH de Niort", amountGrantedCents: 1_000_000n, advanceSharePercent: 30 });
    const manager = await programmeManager(testDb);
    const director = await directorOf(testDb, dossier.establishment.id);
    const editor = (await createUser(testDb, { establishmentId: dossier.establishment.id, membershipRole: "EDITOR" })).viewer;
    const gone = await createUser(testDb, { establishmentId: dossier.establishment.id, membershipRole: "EDITOR" });
    await testDb.user.update({ where: { id: gone.viewer.userId }, data: { disabledAt: NOW } });
    await createUser(testDb, { establishmentId: (await createSelectedDossier(testDb)).establishment.id });
    const advance = await trancheOf(dossier.id, "ADVANCE");
    const paid = () =>
      testDb.outboxEmail.findMany({ where: { subject: { contains: "versée" } }, select: { to: true, subject: true, text: true } });

    // Ordering is no news for the establishment.
    await recordTrancheStep(manager, advance.id, { step: "order", orderedOn: "2027-03-01", ip: null }, NOW);
    expect(await paid()).toEqual([]);
    const payment = { step: "pay" as const, paidOn: "2027-03-08", paymentReference: "MDT-2027-0042", ip: null };
    await recordTrancheStep(manager, advance.id, payment, NOW);
    const mails = await paid();
    expect(mails.map((mail) => mail.to).sort()).toEqual([director.email, editor.email].sort());
    expect(mails[0]!.subject).toBe("Tranche de subvention versée – HospiConnect");
    expect(mails[0]!.text.replace(/[\u00a0\u202f]/g, " ")).toContain(
      "La tranche « Avance à la sélection » de la subvention accordée à « CH de Niort » est versée : 3 000,00 €, le 8 mars 2027.",
    );
    expect(mails[0]!.text).toContain("Référence du paiement\u00a0: MDT-2027-0042");

    // Recorded again while it is paid: refused, nothing more queued.
    await expect(recordTrancheStep(manager, advance.id, payment, NOW)).rejects.toMatchObject({ code: "INVALID_STATE" });
    expect(await paid()).toHaveLength(2);
  });

  it("withdraws the e-mail of a payment undone before it left the outbox, and corrects one that has left, audited", async () => {
    const dossier = await createSelectedDossier(testDb, { name: "CH de Niort", amountGrantedCents: 1_000_000n, advanceSharePercent: 30 });
    const manager = await programmeManager(testDb);
    const director = await directorOf(testDb, dossier.establishment.id);
    const editor = (await createUser(testDb, { establishmentId: dossier.establishment.id, membershipRole: "EDITOR" })).viewer;
    const advance = await trancheOf(dossier.id, "ADVANCE");
    const outbox = () =>
      testDb.outboxEmail.findMany({
        orderBy: [{ createdAt: "asc" }, { to: "asc" }],
        select: { to: true, subject: true, text: true, status: true },
      });
    const live = async () => (await outbox()).filter((mail) => mail.status !== "CANCELLED");
    await recordTrancheStep(manager, advance.id, { step: "order", orderedOn: "2027-03-01", ip: null }, NOW);
    const mistaken = { step: "pay" as const, paidOn: "2027-03-08", paymentReference: "ERREUR-1", ip: null };

    // Undone while its e-mails wait in the outbox: they never leave, and nothing else is sent.
    await recordTrancheStep(manager, advance.id, mistaken, NOW);
    await recordTrancheStep(manager, advance.id, { step: "undo-payment", reason: "Mauvais dossier.", ip: null }, NOW);
    expect(await live()).toEqual([]);
    expect((await outbox()).map((mail) => mail.status)).toEqual(["CANCELLED", "CANCELLED"]);
    const withdrawn = await testDb.auditEvent.findFirstOrThrow({
      where: { action: "tranche.undo_payment", targetId: advance.id },
      select: { details: true },
    });
    expect(withdrawn.details).toMatchObject({ paymentReference: "ERREUR-1", emailsWithdrawn: 2, correctionsQueued: 0 });

    // Recorded again as it was: the members are told, once.
    await recordTrancheStep(manager, advance.id, mistaken, NOW);
    expect((await live()).map((mail) => mail.to).sort()).toEqual([director.email, editor.email].sort());

    // This time the director's e-mail left before the undo: the director is told it is withdrawn,
    // the editor's, still waiting, is withdrawn.
    await testDb.outboxEmail.updateMany({
      where: { to: director.email, status: "PENDING" },
      data: { status: "SENT", sentAt: NOW, nextAttemptAt: null },
    });
    await recordTrancheStep(manager, advance.id, { step: "undo-payment", reason: "Mauvaise référence.", ip: null }, NOW);
    const corrections = (await live()).filter((mail) => mail.status === "PENDING");
    expect(corrections.map((mail) => mail.to)).toEqual([director.email]);
    expect(corrections[0]!.subject).toBe("Correction\u00a0: paiement de tranche annulé – HospiConnect");
    const text = corrections[0]!.text.replace(/[\u00a0\u202f]/g, " ");
    expect(text).toContain("Le paiement de la tranche « Avance à la sélection » de la subvention accordée à « CH de Niort »");
    expect(text).toContain("annoncé comme versé le 8 mars 2027 (référence du paiement : ERREUR-1), est annulé");
    const [, corrected] = await testDb.auditEvent.findMany({
      where: { action: "tranche.undo_payment", targetId: advance.id },
      orderBy: { id: "asc" },
    });
    expect(corrected!.details).toMatchObject({ emailsWithdrawn: 1, correctionsQueued: 1 });

    // The right payment: one e-mail to each member with its reference, whatever came before.
    await recordTrancheStep(manager, advance.id, { ...mistaken, paymentReference: "VIR-2027-001" }, NOW);
    const right = (await live()).filter((mail) => mail.status === "PENDING" && mail.subject.includes("versée"));
    expect(right.map((mail) => mail.to).sort()).toEqual([director.email, editor.email].sort());
    expect(right.every((mail) => mail.text.includes("VIR-2027-001"))).toBe(true);
  });

  it("treats an e-mail a worker is sending as gone: the undo leaves it to the worker and queues the correction", async () => {
    const dossier = await createSelectedDossier(testDb, { amountGrantedCents: 1_000_000n, advanceSharePercent: 30 });
    const manager = await programmeManager(testDb);
    const director = await directorOf(testDb, dossier.establishment.id);
    const advance = await trancheOf(dossier.id, "ADVANCE");
    await recordTrancheStep(manager, advance.id, { step: "order", orderedOn: "2027-03-01", ip: null }, NOW);
    await recordTrancheStep(manager, advance.id, { step: "pay", paidOn: "2027-03-08", paymentReference: "ERREUR-2", ip: null }, NOW);
    // A worker's claim: the next attempt pushed past the lease.
    await testDb.outboxEmail.updateMany({ data: { nextAttemptAt: new Date(NOW.getTime() + 120_000) } });
    await recordTrancheStep(manager, advance.id, { step: "undo-payment", reason: "Mauvais dossier.", ip: null }, NOW);
    const rows = await testDb.outboxEmail.findMany({
      where: { to: director.email },
      orderBy: { createdAt: "asc" },
      select: { subject: true, status: true },
    });
    expect(rows.map((row) => row.status)).toEqual(["PENDING", "PENDING"]);
    expect(rows[1]!.subject).toContain("paiement de tranche annulé");
  });

  it("records one order when five managers order the same tranche at once", async () => {
    const dossier = await createSelectedDossier(testDb);
    const managers = await Promise.all(Array.from({ length: 5 }, () => programmeManager(testDb)));
    const advance = await trancheOf(dossier.id, "ADVANCE");
    const outcomes = await Promise.allSettled(
      managers.map((manager) => recordTrancheStep(manager, advance.id, { step: "order", orderedOn: "2027-03-10", ip: null }, NOW)),
    );
    expect(outcomes.filter((outcome) => outcome.status === "fulfilled")).toHaveLength(1);
    expect(
      outcomes.filter((outcome) => outcome.status === "rejected").map((outcome) => (outcome as PromiseRejectedResult).reason.code),
    ).toEqual(Array(4).fill("INVALID_STATE"));
    expect(await testDb.auditEvent.count({ where: { action: "tranche.order", targetId: advance.id } })).toBe(1);
  });

  it("makes the balance due once: a second call changes nothing, nor one for a grant paid in one go at selection, and a dossier without tranches is refused", async () => {
    const dossier = await createSelectedDossier(testDb);
    const validatedAt = new Date("2027-07-01T08:00:00Z");
    await expect(testDb.$transaction((tx) => makeBalanceTrancheDue(tx, dossier.id, validatedAt))).resolves.toEqual({
      changed: true,
      amountCents: 700_001n,
    });
    await expect(testDb.$transaction((tx) => makeBalanceTrancheDue(tx, dossier.id, new Date("2027-07-02T08:00:00Z")))).resolves.toEqual({
      changed: false,
    });
    expect(await trancheOf(dossier.id, "BALANCE")).toMatchObject({ status: "DUE", dueAt: validatedAt });

    const paidAtSelection = await createSelectedDossier(testDb, { advanceSharePercent: 100 });
    await expect(testDb.$transaction((tx) => makeBalanceTrancheDue(tx, paidAtSelection.id, validatedAt))).resolves.toEqual({
      changed: false,
    });

    const unscheduled = await createSelectedDossier(testDb, { advanceSharePercent: null });
    await expect(testDb.$transaction((tx) => makeBalanceTrancheDue(tx, unscheduled.id, validatedAt))).rejects.toMatchObject({
      code: "INVALID_STATE",
    });
  });

  it("exports the tranches to order only, each with its dossier's reference, formula-safe, audited", async () => {
    const due = await createSelectedDossier(testDb, {
      name: '=HYPERLINK("http://x")',
      amountGrantedCents: 1_250_050n,
      advanceSharePercent: 100,
    });
    const manager = await programmeManager(testDb);
    const file = await exportTranchesToOrder(manager, { waveId: due.wave.waveId, format: "csv", ip: null });
    const lines = new TextDecoder()
      .decode(file.bytes)
      .replace(/^\uFEFF/, "")
      .split("\r\n");
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain("'=HYPERLINK");
    // The due date as a French spreadsheet shows one, the file named after its wave.
    expect(lines[1]).toMatch(/;Avance à la sélection;12500,50;\d{2}\/\d{2}\/\d{4};/);
    // The dossier quoted by the reference its letters and the other exports give, not its internal id.
    const { number } = await testDb.application.findUniqueOrThrow({ where: { id: due.id }, select: { number: true } });
    expect(lines[1]).toMatch(new RegExp(`;${dossierReference(number)}$`));
    expect(file.fileName).toMatch(/^tranches-a-ordonnancer-vague-[a-z0-9-]+-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(
      await testDb.auditEvent.findFirst({ where: { action: "tranches.exported", targetId: due.wave.waveId }, select: { details: true } }),
    ).toMatchObject({
      details: { format: "csv", rows: 1, totalCents: "1250050" },
    });

    // In Excel, the amount is a number in euros and the due date a date: both sort and add up.
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(
      Buffer.from((await exportTranchesToOrder(manager, { waveId: due.wave.waveId, format: "xlsx", ip: null })).bytes) as never,
    );
    const sheet = workbook.getWorksheet("Tranches à ordonnancer")!;
    expect(sheet.getRow(1).getCell(7).value).toBe("Montant (€)");
    expect(sheet.getRow(2).getCell(7).value).toBe(12500.5);
    expect(sheet.getRow(2).getCell(7).numFmt).toBe('#,##0.00 "€"');
    expect(sheet.getRow(2).getCell(8).value).toBeInstanceOf(Date);
    expect(sheet.getRow(2).getCell(8).numFmt).toBe("dd/mm/yyyy");

    const member = (await createUser(testDb, { establishmentId: due.establishment.id })).viewer;
    await expect(exportTranchesToOrder(member, { waveId: due.wave.waveId, format: "xlsx", ip: null })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
  });
});

/** The tranches stored by the release of a 1 000 € grant in a wave paying `advanceSharePercent` in advance. */
async function releasedTranches(advanceSharePercent: number) {
  const manager = await programmeManager(testDb);
  const wave = await createReviewWave(testDb);
  await testDb.wave.update({ where: { id: wave.waveId }, data: { advanceSharePercent } });
  const dossier = await createScoredDossier(testDb, wave, [{ reviewerId: (await createReviewer(testDb)).userId, value: 4 }]);
  await stageDecision(manager, decisionProposal({ applicationId: dossier.id, amountGranted: "1 000" }));
  await releaseDecisions(manager, { waveId: wave.waveId, ip: null }, NOW);
  return testDb.tranche.findMany({
    where: { applicationId: dossier.id },
    orderBy: { kind: "asc" },
    select: { kind: true, amountCents: true, status: true },
  });
}
