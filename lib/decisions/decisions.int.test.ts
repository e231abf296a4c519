import { beforeEach, describe, expect, it } from "vitest";
import { getDossier } from "@/lib/applications/get-dossier";
import { extractPdfText } from "@/lib/applications/testing/pdf-text";
import { dossierReference } from "@/lib/applications/dossier-reference";
import { fileStorage } from "@/lib/storage";
import { resetDatabase, testDb } from "@/test/integration/database";
import { readDecisionLetter } from "./read-decision-letter";
import { releaseDecisions } from "./release-decisions";
import { stageDecision } from "./stage-decision";
import { withdrawProposal } from "./withdraw-proposal";
import { ZDecisionSettingsInput } from "./settings-schema";
import { updateDecisionSettings } from "./update-decision-settings";
import { MISSING_SIGNATORY_MESSAGE, ZLetterSignatoryInput } from "./letter-signatory";
import { updateLetterSignatory } from "./update-letter-signatory";
import { exportDecisions } from "./export-decisions";
import { fileNameWords } from "@/lib/export/file-name";
import { formatNumericCalendarDate, parisToday } from "@/lib/time/paris";
import { transitionApplication } from "@/lib/applications/transition-application";
import { getDossierReviewFollowUp } from "@/lib/review/get-dossier-review-follow-up";
import { reopenReview } from "@/lib/review/reopen-review";
import {
  addSubmittedReviews,
  createReviewer,
  createReviewWave,
  createScoredDossier,
  createUser,
  decisionProposal,
  directorOf,
  programmeManager,
} from "@/test/factories";
import { ZDecisionBoardFilters } from "./board-rows";
import { loadDecisionSummaries } from "./load-decision-summaries";
import { getProposalWorkspace } from "./get-proposal-workspace";

/** Staging and releasing decisions on a real database: envelope, visibility, all-or-nothing, idempotence. */
describe("decisions", () => {
  beforeEach(resetDatabase);

  async function scoredWave(dossiers: number, envelopeEuros = 1_000_000) {
    const manager = await programmeManager(testDb);
    const wave = await createReviewWave(testDb);
    await testDb.wave.update({ where: { id: wave.waveId }, data: { fundingEnvelopeCents: BigInt(envelopeEuros) * 100n } });
    const [alice, bruno] = [
      await createReviewer(testDb, { name: "Alice Secrète" }),
      await createReviewer(testDb, { name: "Bruno Discret" }),
    ];
    const scored = [];
    for (let index = 0; index < dossiers; index += 1) {
      scored.push(
        await createScoredDossier(
          testDb,
          wave,
          [
            { reviewerId: alice.userId, value: 4 },
            { reviewerId: bruno.userId, value: 2 + (index % 3) },
          ],
          { name: `EHPAD Décision ${index}` },
        ),
      );
    }
    return { manager, wave, scored };
  }

  it("refuses a proposal written over one staged since by someone else, naming it, and takes it once the manager has seen it", async () => {
    const { manager, scored } = await scoredWave(1);
    const [dossier] = scored;
    const other = (await createUser(testDb, { staffRole: "PROGRAMME_MANAGER", name: "Paul Second" })).viewer;
    // Both managers opened the dossier with nothing staged; the other one saves first.
    const first = await stageDecision(
      other,
      decisionProposal({ applicationId: dossier!.id, outcome: "REJECTED", reasons: "Hors périmètre.", replacing: null }),
      new Date("2026-12-03T09:15:00Z"),
    );
    await expect(
      stageDecision(manager, decisionProposal({ applicationId: dossier!.id, amountGranted: "10 000", replacing: null })),
    ).rejects.toMatchObject({
      code: "CONFLICT",
      message:
        "Une autre proposition a été enregistrée le 3 décembre 2026 à 10\u00a0h\u00a015 par Paul Second : Non retenu. Rechargez la page pour la voir ; votre saisie reste dans le formulaire, enregistrez-la de nouveau pour la remplacer.",
    });
    const live = { applicationId: dossier!.id, supersededAt: null };
    expect(await testDb.decision.findMany({ where: live, select: { id: true } })).toEqual([{ id: first.decisionId }]);
    // Having seen it, the manager replaces it.
    await stageDecision(manager, decisionProposal({ applicationId: dossier!.id, amountGranted: "10 000", replacing: first.decisionId }));
    expect(await testDb.decision.findMany({ where: live, select: { outcome: true } })).toEqual([{ outcome: "SELECTED" }]);
  });

  it("grants within the amount requested, and passes the envelope only with a reason, audited; a new proposal replaces the staged one", async () => {
    // Each dossier asks 12 500 €; the envelope is 20 000 €.
    const { manager, scored } = await scoredWave(2, 20_000);
    const [first, second] = scored as [(typeof scored)[number], (typeof scored)[number]];
    await expect(stageDecision(manager, decisionProposal({ applicationId: first.id, amountGranted: "12 500,01" }))).rejects.toMatchObject({
      code: "INVALID_INPUT",
      fieldErrors: { amountGranted: [expect.any(String)] },
    });
    await stageDecision(manager, decisionProposal({ applicationId: first.id, amountGranted: "12 000", conditions: "Sur justificatifs." }));
    await expect(stageDecision(manager, decisionProposal({ applicationId: second.id, amountGranted: "10 000" }))).rejects.toMatchObject({
      code: "INVALID_INPUT",
      fieldErrors: { envelopeOverrideReason: [expect.stringContaining("au-delà de l'enveloppe")] },
    });
    // Lowering the first grant makes room: no reason needed.
    await stageDecision(manager, decisionProposal({ applicationId: first.id, amountGranted: "9 000", conditions: "Sur justificatifs." }));
    await stageDecision(manager, decisionProposal({ applicationId: second.id, amountGranted: "11 000" }));
    await expect(stageDecision(manager, decisionProposal({ applicationId: second.id, amountGranted: "12 000" }))).rejects.toMatchObject({
      code: "INVALID_INPUT",
    });
    await stageDecision(
      manager,
      decisionProposal({
        applicationId: second.id,
        amountGranted: "12 000",
        envelopeOverrideReason: "Crédits complémentaires votés le 3 mars.",
      }),
    );

    const rows = await testDb.decision.findMany({ where: { applicationId: first.id }, orderBy: { stagedAt: "asc" } });
    expect(rows.map((row) => [row.amountGrantedCents, row.supersededAt !== null])).toEqual([
      [1_200_000n, true],
      [900_000n, false],
    ]);
    const live = await testDb.decision.findFirstOrThrow({ where: { applicationId: second.id, supersededAt: null } });
    expect(live).toMatchObject({
      amountGrantedCents: 1_200_000n,
      envelopeOverrideReason: "Crédits complémentaires votés le 3 mars.",
      releasedAt: null,
    });
    // The log says what each proposal replaced: the earlier proposal's decision and amount.
    const staged = await testDb.auditEvent.findMany({ where: { action: "decision.staged", targetId: first.id }, orderBy: { id: "asc" } });
    expect(staged.map((event) => (event.details as { replaced: unknown }).replaced)).toEqual([
      null,
      { decisionId: rows[0]!.id, outcome: "SELECTED", amountGrantedCents: "1200000" },
    ]);
    const overridden = await testDb.auditEvent.findMany({ where: { action: "decision.envelope_overridden", targetId: second.id } });
    expect(overridden.map((event) => event.details)).toEqual([
      expect.objectContaining({ reason: "Crédits complémentaires votés le 3 mars.", grantedCents: "2100000", envelopeCents: "2000000" }),
    ]);
    await expect(stageDecision(manager, decisionProposal({ applicationId: first.id, outcome: "REJECTED" }))).rejects.toMatchObject({
      fieldErrors: { reasons: [expect.any(String)] },
    });
  });

  it("keeps proposals from the applicant until the release, then shows the decision and a letter that explains each criterion without a reviewer's name", async () => {
    const { manager, wave, scored } = await scoredWave(3);
    const [granted, refused, waitlisted] = scored as [(typeof scored)[number], (typeof scored)[number], (typeof scored)[number]];
    const director = await directorOf(testDb, granted.establishment.id);
    // A director who left: the account is disabled, and the decision letter must not follow them.
    await testDb.user.create({
      data: {
        email: "parti@example.test",
        displayName: "Ancien directeur",
        disabledAt: new Date(),
        memberships: { create: { establishmentId: granted.establishment.id, role: "DIRECTOR" } },
      },
    });
    const releasable = await testDb.score.findFirstOrThrow({
      where: { review: { assignment: { applicationId: granted.id } } },
      select: { id: true, comment: true, criterion: { select: { code: true } } },
    });
    await testDb.score.update({ where: { id: releasable.id }, data: { comment: "Couverture des intérimaires exemplaire." } });
    await stageDecision(
      manager,
      decisionProposal({
        applicationId: granted.id,
        amountGranted: "12 000",
        conditions: "Versement sur justificatifs.",
        releasableScoreIds: [releasable.id],
      }),
    );
    await stageDecision(
      manager,
      decisionProposal({ applicationId: refused.id, outcome: "REJECTED", reasons: "Objectifs obligatoires insuffisamment couverts." }),
    );
    await stageDecision(
      manager,
      decisionProposal({ applicationId: waitlisted.id, outcome: "WAITLISTED", reasons: "En attente de crédits." }),
    );

    expect((await getDossier(director, granted.id)).decision).toBeNull();
    await expect(readDecisionLetter(director, granted.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await testDb.outboxEmail.count()).toBe(0);

    await expect(releaseDecisions(manager, { waveId: wave.waveId, ip: null })).resolves.toEqual({ released: 3 });
    const states = await testDb.application.findMany({
      where: { id: { in: scored.map((dossier) => dossier.id) } },
      select: { id: true, state: true },
    });
    expect(Object.fromEntries(states.map((row) => [row.id, row.state]))).toEqual({
      [granted.id]: "SELECTED",
      [refused.id]: "REJECTED",
      [waitlisted.id]: "SCORED",
    });
    expect((await getDossier(director, granted.id)).decision).toMatchObject({
      outcome: "SELECTED",
      amountGrantedCents: 1_200_000n,
      conditions: "Versement sur justificatifs.",
    });

    // The log is kept between tests (append-only): this dossier's entries only.
    const downloads = () =>
      testDb.auditEvent.findMany({
        where: { action: "application.decision_letter_downloaded", targetId: granted.id },
        select: { actorId: true, targetType: true, targetId: true, details: true },
      });
    // The refused download before the release left no entry.
    expect(await downloads()).toEqual([]);
    const letter = await readDecisionLetter(director, granted.id);
    const released = await testDb.decision.findFirstOrThrow({
      where: { applicationId: granted.id, releasedAt: { not: null } },
      select: { id: true, releasedAt: true },
    });
    expect(await downloads()).toEqual([
      {
        actorId: director.userId,
        targetType: "Application",
        targetId: granted.id,
        details: { decisionId: released.id, releasedAt: released.releasedAt!.toISOString() },
      },
    ]);
    const text = extractPdfText(Buffer.from(letter.bytes))
      .join("\n")
      .replace(/[\u00a0\u202f]/g, " ");
    expect(text).toContain("Votre dossier est retenu.");
    expect(text).toContain("Pondération");
    for (const criterion of wave.criteria) expect(text).toContain(`${criterion.code} – `);
    expect(text).toContain(`${releasable.criterion.code} : « Couverture des intérimaires exemplaire. »`);
    // Comments not marked releasable, and the reviewers' names, stay out.
    expect(text).not.toContain("Note 2 motivée.");
    expect(text).not.toMatch(/Alice|Bruno|Secrète|Discret/);
    const stored = await testDb.decision.findFirstOrThrow({ where: { applicationId: granted.id, releasedAt: { not: null } } });
    expect(text).toContain(stored.letterHash!);

    const emails = await testDb.outboxEmail.findMany({ where: { dedupeKey: { startsWith: "decision:" } } });
    expect(emails).toHaveLength(3);
    expect(emails.map((email) => email.to)).not.toContain("parti@example.test");
    // Each letter is named after its own dossier's reference, the one it quotes.
    const letters = emails.map((email) => (email.files as { fileName: string }[])[0]!.fileName);
    expect(new Set(letters).size).toBe(3);
    const { number } = await testDb.application.findUniqueOrThrow({ where: { id: granted.id }, select: { number: true } });
    expect(letters).toContain(`decision-${granted.establishment.finessEt}-${dossierReference(number)}.pdf`);
    expect(emails.find((email) => email.to === director.email)).toMatchObject({
      subject: `Le dossier HospiConnect de «\u00a0${granted.establishment.name}\u00a0» est retenu`,
      files: [expect.objectContaining({ storageKey: stored.letterKey })],
    });
  });

  it("keeps a waitlisted dossier's review closed once its decision is published: the letter stands", async () => {
    const { manager, wave, scored } = await scoredWave(2);
    const [waitlisted, other] = scored as [(typeof scored)[number], (typeof scored)[number]];
    await stageDecision(
      manager,
      decisionProposal({ applicationId: waitlisted.id, outcome: "WAITLISTED", reasons: "En attente de crédits." }),
    );
    // Before the release, the manager may still reopen it (the proposal is withdrawn with it).
    const followUp = async (id: string) => (await getDossierReviewFollowUp(manager, id))!;
    expect((await followUp(waitlisted.id)).reopenable).toBe(true);
    expect((await getDossier(manager, waitlisted.id)).actions).toContain("reopenReview");
    await releaseDecisions(manager, { waveId: wave.waveId, ip: null });
    const { state, version } = await testDb.application.findUniqueOrThrow({ where: { id: waitlisted.id } });
    expect(state).toBe("SCORED");

    const published = {
      code: "INVALID_STATE",
      message: "Une décision a été publiée pour ce dossier : son instruction ne peut plus être rouverte.",
    };
    const assignment = await testDb.reviewerAssignment.findFirstOrThrow({ where: { applicationId: waitlisted.id } });
    await expect(reopenReview(manager, { assignmentId: assignment.id, reason: "Note à revoir.", ip: null })).rejects.toMatchObject(
      published,
    );
    await expect(
      transitionApplication(manager, {
        applicationId: waitlisted.id,
        expectedVersion: version,
        ip: null,
        action: "reopenReview",
        comment: "",
      }),
    ).rejects.toMatchObject(published);
    expect((await testDb.application.findUniqueOrThrow({ where: { id: waitlisted.id } })).state).toBe("SCORED");
    expect(await testDb.review.count({ where: { assignment: { applicationId: waitlisted.id }, status: "DRAFT" } })).toBe(0);
    // Neither is offered any more; a scored dossier without a published decision keeps both.
    expect((await followUp(waitlisted.id)).reopenable).toBe(false);
    expect((await getDossier(manager, waitlisted.id)).actions).not.toContain("reopenReview");
    expect((await followUp(other.id)).reopenable).toBe(true);
    expect((await getDossier(manager, other.id)).actions).toContain("reopenReview");
  });

  it("releases nothing when a staged dossier moved meanwhile, and nothing twice under five parallel releases", async () => {
    const { manager, wave, scored } = await scoredWave(4);
    for (const dossier of scored)
      await stageDecision(manager, decisionProposal({ applicationId: dossier.id, outcome: "REJECTED", reasons: "Hors périmètre." }));
    await testDb.application.update({ where: { id: scored[3]!.id }, data: { state: "WITHDRAWN" } });
    const letters = async () => {
      const keys: string[] = [];
      for await (const object of fileStorage().list()) if (object.key.startsWith("decision-letters/")) keys.push(object.key);
      return keys.sort();
    };
    const before = await letters();
    await expect(releaseDecisions(manager, { waveId: wave.waveId, ip: null })).rejects.toMatchObject({ code: "INVALID_STATE" });
    expect(await testDb.application.count({ where: { id: { in: scored.map((dossier) => dossier.id) }, state: "REJECTED" } })).toBe(0);
    expect(await testDb.decision.count({ where: { releasedAt: { not: null } } })).toBe(0);
    expect(await testDb.outboxEmail.count()).toBe(0);
    expect(await letters()).toEqual(before);

    await testDb.decision.updateMany({ where: { applicationId: scored[3]!.id }, data: { supersededAt: new Date() } });
    const outcomes = await Promise.all(Array.from({ length: 5 }, () => releaseDecisions(manager, { waveId: wave.waveId, ip: null })));
    expect(outcomes.map((outcome) => outcome.released).sort()).toEqual([0, 0, 0, 0, 3]);
    for (const dossier of scored.slice(0, 3)) {
      const row = await testDb.application.findUniqueOrThrow({
        where: { id: dossier.id },
        select: { state: true, _count: { select: { transitions: { where: { toState: "REJECTED" } } } } },
      });
      expect([row.state, row._count.transitions]).toEqual(["REJECTED", 1]);
    }
    expect(await testDb.outboxEmail.count({ where: { dedupeKey: { startsWith: "decision:" } } })).toBe(3);
    expect(await testDb.auditEvent.count({ where: { action: "decisions.released", targetId: wave.waveId } })).toBe(1);
  });

  it("withdraws a staged proposal when its dossier's review is reopened, so the wave's other decisions can be released", async () => {
    const { manager, wave, scored } = await scoredWave(2);
    for (const dossier of scored) await stageDecision(manager, decisionProposal({ applicationId: dossier.id, amountGranted: "10 000" }));
    const reopened = scored[1]!;
    await transitionApplication(manager, { applicationId: reopened.id, expectedVersion: 4, ip: null, action: "reopenReview", comment: "" });

    const staged = await testDb.decision.findFirstOrThrow({ where: { applicationId: reopened.id } });
    expect(staged.supersededAt).not.toBeNull();
    expect(await testDb.auditEvent.findFirst({ where: { action: "decision.withdrawn", targetId: reopened.id } })).toMatchObject({
      details: { decisionId: staged.id, outcome: "SELECTED", amountGrantedCents: "1000000" },
    });
    await expect(releaseDecisions(manager, { waveId: wave.waveId, ip: null })).resolves.toMatchObject({ released: 1 });
    expect((await testDb.application.findUniqueOrThrow({ where: { id: reopened.id } })).state).toBe("UNDER_REVIEW");
  });

  it("lets a manager withdraw the proposal they saw, audited, out of the envelope and the release; refuses a stale one and a published one", async () => {
    const { manager, wave, scored } = await scoredWave(2);
    const [mistaken, kept] = scored;
    const { decisionId: seen } = await stageDecision(
      manager,
      decisionProposal({ applicationId: mistaken!.id, outcome: "REJECTED", reasons: "x", replacing: null }),
    );
    const { decisionId: current } = await stageDecision(
      manager,
      decisionProposal({ applicationId: mistaken!.id, amountGranted: "10 000", replacing: seen }),
    );
    await stageDecision(manager, decisionProposal({ applicationId: kept!.id, amountGranted: "12 000" }));

    // The manager saw the first proposal: another one was staged since.
    await expect(withdrawProposal(manager, { applicationId: mistaken!.id, replacing: seen, ip: null })).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringContaining("Une autre proposition a été enregistrée le"),
    });
    await withdrawProposal(manager, { applicationId: mistaken!.id, replacing: current, ip: null });
    expect((await testDb.decision.findUniqueOrThrow({ where: { id: current } })).supersededAt).not.toBeNull();
    expect(await testDb.auditEvent.findFirst({ where: { action: "decision.withdrawn", targetId: mistaken!.id } })).toMatchObject({
      details: { decisionId: current, outcome: "SELECTED", amountGrantedCents: "1000000" },
    });
    expect((await getProposalWorkspace(manager, wave.waveId, kept!.id)).envelope.grantedCents).toBe(1_200_000n);
    // Withdrawn already: nothing left to withdraw.
    await expect(withdrawProposal(manager, { applicationId: mistaken!.id, replacing: current, ip: null })).rejects.toMatchObject({
      code: "INVALID_STATE",
      message: "Ce dossier n'a plus de proposition en attente de publication : rechargez la page.",
    });

    await expect(releaseDecisions(manager, { waveId: wave.waveId, ip: null })).resolves.toMatchObject({ released: 1 });
    expect((await testDb.application.findUniqueOrThrow({ where: { id: mistaken!.id } })).state).toBe("SCORED");
    const published = await testDb.decision.findFirstOrThrow({ where: { applicationId: kept!.id, releasedAt: { not: null } } });
    await expect(withdrawProposal(manager, { applicationId: kept!.id, replacing: published.id, ip: null })).rejects.toMatchObject({
      code: "INVALID_STATE",
      message: "La décision de ce dossier est publiée : elle ne se retire plus.",
    });
    const reviewer = await createReviewer(testDb);
    await expect(withdrawProposal(reviewer, { applicationId: kept!.id, replacing: published.id, ip: null })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
  });

  it("withdraws it too when one of the dossier's reviews is reopened", async () => {
    const { manager, wave, scored } = await scoredWave(2);
    for (const dossier of scored) await stageDecision(manager, decisionProposal({ applicationId: dossier.id, amountGranted: "10 000" }));
    const reopened = scored[1]!;
    const assignment = await testDb.reviewerAssignment.findFirstOrThrow({ where: { applicationId: reopened.id } });
    await reopenReview(manager, { assignmentId: assignment.id, reason: "Note du critère C2 à revoir.", ip: null });

    expect((await testDb.decision.findFirstOrThrow({ where: { applicationId: reopened.id } })).supersededAt).not.toBeNull();
    expect(await testDb.auditEvent.count({ where: { action: "decision.withdrawn", targetId: reopened.id } })).toBe(1);
    await expect(releaseDecisions(manager, { waveId: wave.waveId, ip: null })).resolves.toMatchObject({ released: 1 });
  });

  it("closes a review by hand only once a review has been submitted, telling the reviewers still pending", async () => {
    const { manager, wave, scored } = await scoredWave(1);
    const [dossier] = scored;
    await testDb.reviewerAssignment.deleteMany({ where: { applicationId: dossier!.id } });
    await testDb.application.update({ where: { id: dossier!.id }, data: { state: "UNDER_REVIEW" } });
    const close = () =>
      transitionApplication(manager, { applicationId: dossier!.id, expectedVersion: 4, ip: null, action: "completeScoring", comment: "" });
    await expect(close()).rejects.toMatchObject({
      code: "INVALID_STATE",
      message:
        "Aucune évaluation n'a été remise pour ce dossier : il ne peut être déclaré évalué qu'avec au moins une évaluation transmise.",
    });
    const reviewer = await createReviewer(testDb);
    await addSubmittedReviews(testDb, dossier!.id, wave.criteria, [{ reviewerId: reviewer.userId, value: 3 }]);
    // Three more assigned: one writing a draft, one who never declared, one who declared a conflict.
    const [drafting, silent, conflicted] = [await createReviewer(testDb), await createReviewer(testDb), await createReviewer(testDb)];
    const assignmentOf = (reviewerId: string) =>
      testDb.reviewerAssignment.create({ data: { applicationId: dossier!.id, reviewerId, tier: "NATIONAL" }, select: { id: true } });
    const draft = await assignmentOf(drafting.userId);
    await testDb.conflictDeclaration.create({ data: { assignmentId: draft.id, hasConflict: false } });
    await testDb.review.create({ data: { assignmentId: draft.id } });
    await assignmentOf(silent.userId);
    const ended = await assignmentOf(conflicted.userId);
    await testDb.conflictDeclaration.create({
      data: { assignmentId: ended.id, hasConflict: true, type: "OTHER", details: "Ancien collègue." },
    });

    await expect(close()).resolves.toEqual({ state: "SCORED", version: 5 });
    // Those who had not transmitted are told their review is no longer expected; nobody else. Reopened,
    // they are told it is expected again; closed again, told again.
    const told = async () =>
      (
        await testDb.outboxEmail.findMany({
          where: { dedupeKey: { startsWith: "review-" }, to: { in: [drafting.email, silent.email, conflicted.email, reviewer.email] } },
          select: { to: true, subject: true },
        })
      )
        .map(
          (email) =>
            `${email.to} ${email.subject.replace("HospiConnect\u00a0: votre évaluation du dossier de «\u00a0EHPAD Décision 0\u00a0» ", "")}`,
        )
        .sort();
    const pending = [drafting.email, silent.email];
    expect(await told()).toEqual(pending.map((to) => `${to} n'est plus attendue`).sort());
    await transitionApplication(manager, { applicationId: dossier!.id, expectedVersion: 5, ip: null, action: "reopenReview", comment: "" });
    await transitionApplication(manager, {
      applicationId: dossier!.id,
      expectedVersion: 6,
      ip: null,
      action: "completeScoring",
      comment: "",
    });
    expect(await told()).toEqual(
      pending.flatMap((to) => [`${to} n'est plus attendue`, `${to} n'est plus attendue`, `${to} est de nouveau attendue`]).sort(),
    );
  });

  it("exports the board, formula-safe and audited, with the same figures as the summaries", async () => {
    const { manager, wave, scored } = await scoredWave(2);
    await testDb.establishment.update({ where: { id: scored[0]!.establishment.id }, data: { name: '=HYPERLINK("http://piege.example")' } });
    await stageDecision(manager, decisionProposal({ applicationId: scored[0]!.id, amountGranted: "10 000" }));
    const file = await exportDecisions(manager, {
      waveId: wave.waveId,
      filters: ZDecisionBoardFilters.parse({ sort: "establishment", dir: "asc" }),
      format: "csv",
      ip: null,
    });
    const lines = new TextDecoder().decode(file.bytes).replace("\uFEFF", "").split("\r\n");
    expect(lines[0]).toContain("Note normalisée (sur 100)");
    // Named after its wave: two waves' exports of one day are two files.
    const title = await testDb.wave.findUniqueOrThrow({ where: { id: wave.waveId }, select: { title: true } });
    expect(file.fileName).toMatch(new RegExp(`^decisions-${fileNameWords(title.title)}-\\d{4}-\\d{2}-\\d{2}\\.csv$`));
    // Its rank by note whatever the board's order (here by name), then the dossier's reference (the one its
    // letter quotes), the establishment and its FINESS, kept as text for Excel (`="…"`: its leading zero stays).
    expect(lines[0]!.startsWith("Rang (note normalisée);Référence;Établissement;FINESS;")).toBe(true);
    const { number } = await testDb.application.findUniqueOrThrow({ where: { id: scored[0]!.id }, select: { number: true } });
    expect(lines[1]).toMatch(new RegExp(`^2;${dossierReference(number)};"'=HYPERLINK[^;]*;"=""${scored[0]!.establishment.finessEt}""";`));
    expect(lines[2]!.startsWith("1;")).toBe(true);
    expect(lines[1]).toContain(";Retenu;10000,00");
    const summaries = await loadDecisionSummaries(
      testDb,
      scored.map((dossier) => dossier.id),
    );
    const raw = summaries.get(scored[0]!.id)!.raw!;
    expect(lines[1]).toContain(`;${(Math.round(raw * 10) / 10).toLocaleString("fr-FR", { useGrouping: false })};`);
    expect(summaries.get(scored[0]!.id)).toMatchObject({
      staged: { outcome: "SELECTED", amountGrantedCents: 1_000_000n },
      released: null,
      reviewsPerTier: { NATIONAL: 2, REGIONAL: 0 },
    });
    // Audited with the filters that chose its rows.
    const audited = await testDb.auditEvent.findMany({
      where: { action: "decisions.exported", targetId: wave.waveId },
      select: { details: true },
    });
    expect(audited).toEqual([
      { details: { format: "csv", rows: 2, filters: { flag: "", decision: "", sort: "establishment", dir: "asc" } } },
    ]);
    // The day a decision was published, empty while it is only proposed.
    expect(lines[0]).toContain(";Décision publiée;Montant publié (€);Décision publiée le;Proposition à publier;");
    expect(lines[1]).toMatch(/;;;;Retenu;10000,00$/);

    await releaseDecisions(manager, { waveId: wave.waveId, ip: null });
    const released = await exportDecisions(manager, {
      waveId: wave.waveId,
      filters: ZDecisionBoardFilters.parse({ sort: "establishment", dir: "asc" }),
      format: "csv",
      ip: null,
    });
    const { releasedAt } = await testDb.decision.findFirstOrThrow({
      where: { applicationId: scored[0]!.id },
      select: { releasedAt: true },
    });
    const releasedLines = new TextDecoder().decode(released.bytes).replace("\uFEFF", "").split("\r\n");
    expect(releasedLines[1]).toMatch(new RegExp(`;Retenu;10000,00;${formatNumericCalendarDate(parisToday(releasedAt!))};;$`));
    expect(releasedLines[2]).toMatch(/;;;;;$/);
    const director = await directorOf(testDb, scored[0]!.establishment.id);
    await expect(
      exportDecisions(director, { waveId: wave.waveId, filters: ZDecisionBoardFilters.parse({}), format: "xlsx", ip: null }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("publishes nothing until the wave's letters have a signatory, then signs each letter with it, audited", async () => {
    const { manager, wave, scored } = await scoredWave(1);
    await testDb.wave.update({ where: { id: wave.waveId }, data: { letterSignatoryName: null, letterSignatoryTitle: null } });
    const [dossier] = scored as [(typeof scored)[number]];
    await stageDecision(manager, decisionProposal({ applicationId: dossier.id, amountGranted: "12 000" }));

    await expect(releaseDecisions(manager, { waveId: wave.waveId, ip: null })).rejects.toMatchObject({
      code: "INVALID_STATE",
      message: MISSING_SIGNATORY_MESSAGE,
    });
    expect(await testDb.decision.count({ where: { applicationId: dossier.id, releasedAt: { not: null } } })).toBe(0);
    expect((await testDb.application.findUniqueOrThrow({ where: { id: dossier.id } })).state).toBe("SCORED");
    expect(await testDb.outboxEmail.count()).toBe(0);

    const { version } = await testDb.wave.findUniqueOrThrow({ where: { id: wave.waveId }, select: { version: true } });
    const input = ZLetterSignatoryInput.parse({
      name: "  Anne Moreau ",
      title: "Directrice générale de l'Agence du Numérique en Santé",
      expectedVersion: version,
    });
    await expect(updateLetterSignatory(manager, wave.waveId, { ...input, expectedVersion: version + 1, ip: null })).rejects.toMatchObject({
      code: "CONFLICT",
    });
    await expect(updateLetterSignatory(manager, wave.waveId, { ...input, ip: "192.0.2.1" })).resolves.toEqual({
      changed: ["letterSignatoryName", "letterSignatoryTitle"],
      version: version + 1,
    });
    await expect(updateLetterSignatory(manager, wave.waveId, { ...input, expectedVersion: version + 1, ip: null })).resolves.toEqual({
      changed: [],
      version: version + 1,
    });
    const audit = await testDb.auditEvent.findMany({ where: { action: "wave.letter_signatory_changed", targetId: wave.waveId } });
    expect(audit).toHaveLength(1);
    expect(audit[0]!.details).toEqual({
      changes: {
        letterSignatoryName: { from: null, to: "Anne Moreau" },
        letterSignatoryTitle: { from: null, to: "Directrice générale de l'Agence du Numérique en Santé" },
      },
    });

    await expect(releaseDecisions(manager, { waveId: wave.waveId, ip: null })).resolves.toEqual({ released: 1 });
    const letter = await readDecisionLetter(await directorOf(testDb, dossier.establishment.id), dossier.id);
    const text = extractPdfText(Buffer.from(letter.bytes))
      .join("\n")
      .replace(/[\u00a0\u202f]/g, " ");
    expect(text).toContain("Pour l'Agence du Numérique en Santé,\nAnne Moreau\nDirectrice générale de l'Agence du Numérique en Santé");

    // The form's rule is the server's: both are needed.
    expect(ZLetterSignatoryInput.safeParse({ ...input, name: " " }).success).toBe(false);
    expect(ZLetterSignatoryInput.safeParse({ ...input, title: "" }).success).toBe(false);
  });

  it("changes the wave's threshold and ranking tier under its version, audited, and the figures follow", async () => {
    const manager = await programmeManager(testDb);
    const wave = await createReviewWave(testDb, { reviewTiers: "REGIONAL_THEN_NATIONAL" });
    const [ars, ans1, ans2] = [
      await createReviewer(testDb, { role: "REGIONAL_REVIEWER", regions: ["75"] }),
      await createReviewer(testDb),
      await createReviewer(testDb),
    ];
    // Every criterion noted 5, 2 and 1: the national totals differ widely, the regional one is high.
    const dossier = await createScoredDossier(testDb, wave, [
      { reviewerId: ars.userId, value: 5, tier: "REGIONAL" },
      { reviewerId: ans1.userId, value: 2 },
      { reviewerId: ans2.userId, value: 1 },
    ]);
    const before = (await loadDecisionSummaries(testDb, [dossier.id])).get(dossier.id)!;
    const { version } = await testDb.wave.findUniqueOrThrow({ where: { id: wave.waveId }, select: { version: true } });
    const settings = ZDecisionSettingsInput.parse({
      spreadThreshold: "0,5",
      rankingMode: "WEIGHTED_MIX",
      regionalRankingWeight: "50",
      expectedVersion: version,
    });
    await expect(
      updateDecisionSettings(manager, wave.waveId, { ...settings, expectedVersion: version + 1, ip: null }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(updateDecisionSettings(manager, wave.waveId, { ...settings, ip: null })).resolves.toEqual({
      changed: ["spreadThreshold", "rankingMode", "regionalRankingWeight"],
      version: version + 1,
    });
    const after = (await loadDecisionSummaries(testDb, [dossier.id])).get(dossier.id)!;
    expect(before.spread!.count).toBe(2);
    expect(after.spread!.count).toBe(3);
    expect(after.raw!).toBeGreaterThan(before.raw!);
    expect(after.toDiscuss).toBe(true);
    expect(await testDb.auditEvent.count({ where: { action: "wave.decision_settings_changed", targetId: wave.waveId } })).toBe(1);
    const form = { spreadThreshold: "12,5", rankingMode: "NATIONAL_ONLY", regionalRankingWeight: "0", expectedVersion: 1 };
    expect(ZDecisionSettingsInput.parse(form).spreadThreshold).toBe(12.5);
    expect(ZDecisionSettingsInput.safeParse({ ...form, spreadThreshold: "101" }).success).toBe(false);
    expect(ZDecisionSettingsInput.safeParse({ ...form, regionalRankingWeight: "-1" }).success).toBe(false);
  });

  it("shows the manager each review's comments under an anonymous letter and its level", async () => {
    const { manager, wave, scored } = await scoredWave(1);
    const workspace = await getProposalWorkspace(manager, wave.waveId, scored[0]!.id);
    const overall = workspace.comments.filter((comment) => comment.kind === "review");
    expect(overall.map((comment) => [comment.author, comment.about, comment.text])).toEqual([
      ["Évaluation A, niveau national (ANS)", "Appréciation générale", "Projet cohérent."],
      ["Évaluation B, niveau national (ANS)", "Appréciation générale", "Projet cohérent."],
    ]);
    expect(JSON.stringify(workspace.comments)).not.toMatch(/Alice|Bruno/);
  });
});
