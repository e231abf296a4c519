import { beforeEach, describe, expect, it, vi } from "vitest";
import { requestDelivery } from "@/lib/jobs/worker";
import { getDossier } from "@/lib/applications/get-dossier";
import { transitionApplication } from "@/lib/applications/transition-application";
import { parisDateTime } from "@/lib/time/paris";
import { resetDatabase, testDb } from "@/test/integration/database";
import { assignReviewer } from "./assign-reviewer";
import { applyAutomaticAssignment, previewAutomaticAssignment } from "./automatic-assignment";
import { declareInterests } from "./declare-interests";
import { getAssignmentBoard, ZBoardFilters } from "./get-assignment-board";
import { getDossierReviewFollowUp } from "./get-dossier-review-follow-up";
import { getReviewWorkspace } from "./get-review-workspace";
import { reopenReview } from "./reopen-review";
import { saveReview } from "./save-review";
import { sendReviewReminders } from "./send-review-reminders";
import { setAssignmentDueDate } from "./set-assignment-due-date";
import { SUBMISSION_CONFLICT_MESSAGE } from "./review-conflict";
import { reviewFrozenReason } from "./review-states";
import { submitReview } from "./submit-review";
import { completeSheet, createReviewer, createReviewWave, createSubmittedDossier, programmeManager } from "@/test/factories";

// Whether the reminders job asks for its e-mails' delivery at once, as every use case that queues some does.
vi.mock("@/lib/jobs/worker", () => import("@/test/integration/job-requests"));

/** The review's use cases on a real database: declaration, score sheet, tiers, assignment, reminders. */
describe("review use cases", () => {
  beforeEach(resetDatabase);

  const assign = (
    manager: Awaited<ReturnType<typeof programmeManager>>,
    waveId: string,
    applicationId: string,
    reviewerId: string,
    tier: "REGIONAL" | "NATIONAL" = "NATIONAL",
    overrideReason = "",
  ) => assignReviewer(manager, waveId, { tier, applicationId, reviewerId, overrideReason, ip: null });

  it("opens the dossier only after « no conflict »; a declared conflict ends the assignment and tells the managers", async () => {
    const manager = await programmeManager(testDb);
    const wave = await createReviewWave(testDb);
    const dossier = await createSubmittedDossier(testDb, wave, { name: "EHPAD des Conflits" });
    const [alice, bruno] = [await createReviewer(testDb, { name: "Alice" }), await createReviewer(testDb, { name: "Bruno" })];
    const { assignmentId: aliceAssignment } = await assign(manager, wave.waveId, dossier.id, alice.userId);
    const { assignmentId: brunoAssignment } = await assign(manager, wave.waveId, dossier.id, bruno.userId);
    expect((await testDb.application.findUniqueOrThrow({ where: { id: dossier.id } })).state).toBe("UNDER_REVIEW");

    const before = await getReviewWorkspace(alice, aliceAssignment);
    expect(before.stage).toBe("declaration");
    expect(before.establishment.name).toBe("EHPAD des Conflits");
    expect(before).not.toHaveProperty("dossier");
    await expect(getDossier(alice, dossier.id)).rejects.toMatchObject({ code: "NOT_FOUND" });

    await declareInterests(alice, { assignmentId: aliceAssignment, declaration: { hasConflict: false }, ip: null });
    expect((await getReviewWorkspace(alice, aliceAssignment)).stage).toBe("review");

    await declareInterests(bruno, {
      assignmentId: brunoAssignment,
      declaration: { hasConflict: true, type: "PERSONAL_TIE", partnerSiret: "", details: "Ma sœur dirige l'établissement." },
      ip: null,
    });
    await expect(getReviewWorkspace(bruno, brunoAssignment)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getDossier(bruno, dossier.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    const told = await testDb.outboxEmail.findMany({ where: { to: manager.email, dedupeKey: { startsWith: "conflict-declared:" } } });
    expect(told).toHaveLength(1);
    expect(told[0]!.text).toContain("EHPAD des Conflits");
    // The manager who must judge the tie and reassign reads the reviewer's words: in the e-mail,
    // on the dossier's page and on the assignment page.
    expect(told[0]!.text).toContain("> Ma sœur dirige l'établissement.");
    const followUp = await getDossierReviewFollowUp(manager, dossier.id);
    expect(followUp!.reviews.find((review) => review.assignmentId === brunoAssignment)!.conflict).toMatchObject({
      type: "PERSONAL_TIE",
      partnerSiret: null,
      details: "Ma sœur dirige l'établissement.",
    });
    const board = await getAssignmentBoard(manager, wave.waveId, ZBoardFilters.parse({ niveau: "NATIONAL", vue: "tous" }));
    expect(board.rows.find((row) => row.id === dossier.id)!.conflicts).toEqual([
      { reviewer: "Bruno", type: "PERSONAL_TIE", partnerSiret: null, details: "Ma sœur dirige l'établissement." },
    ]);
    // The log says that a conflict was declared, of which type, on which dossier: never the reviewer's
    // own words, which may name third parties and which the append-only log could never erase.
    const declared = await testDb.auditEvent.findMany({ where: { action: "review.conflict_declared", targetId: brunoAssignment } });
    expect(declared.map((event) => event.details)).toEqual([
      { applicationId: dossier.id, tier: "NATIONAL", type: "PERSONAL_TIE", partnerSiret: null },
    ]);

    // The dossier now needs a reviewer; Bruno can never be put back on it.
    const preview = await previewAutomaticAssignment(manager, wave.waveId, { tier: "NATIONAL", defaultCap: 10, caps: {} });
    expect(preview.shortfalls).toEqual([expect.objectContaining({ dossierId: dossier.id, missing: 1, excluded: 1 })]);
    await expect(assign(manager, wave.waveId, dossier.id, bruno.userId)).rejects.toMatchObject({ code: "INVALID_INPUT" });
  });

  it("autosaves without lost updates, lists what is missing, submits once, and scores the dossier when the last review is in", async () => {
    const manager = await programmeManager(testDb);
    const wave = await createReviewWave(testDb, { k: 2 });
    const dossier = await createSubmittedDossier(testDb, wave);
    const reviewers = [await createReviewer(testDb), await createReviewer(testDb)];
    const assignments: string[] = [];
    for (const reviewer of reviewers) {
      const { assignmentId } = await assign(manager, wave.waveId, dossier.id, reviewer.userId);
      await declareInterests(reviewer, { assignmentId, declaration: { hasConflict: false }, ip: null });
      assignments.push(assignmentId);
    }
    const [first, second] = reviewers as [(typeof reviewers)[number], (typeof reviewers)[number]];
    const sheet = completeSheet(wave.criteria, { notApplicable: true });

    // Two tabs of the same reviewer: the second save, made on the old version, is refused with what is stored.
    await saveReview(first, { assignmentId: assignments[0]!, expectedVersion: 1, data: { ...sheet, overallComment: "Onglet A" } });
    await expect(
      saveReview(first, { assignmentId: assignments[0]!, expectedVersion: 1, data: { ...sheet, overallComment: "Onglet B" } }),
    ).rejects.toMatchObject({
      code: "CONFLICT",
      details: { conflict: { version: 2, values: { overallComment: "Onglet A" } } },
    });

    // « Sans objet » on a required criterion is refused; an incomplete sheet lists what is missing.
    const required = wave.criteria.find((criterion) => criterion.required)!;
    await expect(
      saveReview(first, {
        assignmentId: assignments[0]!,
        expectedVersion: 2,
        data: { ...sheet, scores: { ...sheet.scores, [required.id]: { value: "", notApplicable: true, comment: "" } } },
      }),
      // On the request body's path, as the route's own parse names a malformed note.
    ).rejects.toMatchObject({ code: "INVALID_INPUT", fieldErrors: { [`data.scores.${required.id}.notApplicable`]: [expect.any(String)] } });
    await saveReview(first, {
      assignmentId: assignments[0]!,
      expectedVersion: 2,
      data: { ...sheet, scores: { ...sheet.scores, [required.id]: { value: "", notApplicable: false, comment: "" } } },
    });
    const refusal = await submitReview(first, { assignmentId: assignments[0]!, expectedVersion: 3, ip: null }).catch((error) => error);
    expect(refusal.code).toBe("INVALID_INPUT");
    expect(refusal.details.missing).toEqual([
      {
        anchor: `critere-${required.id}`,
        message: `${required.code} – ${required.label} : donnez une note.`,
        field: `scores.${required.id}.value`,
        fieldMessage: "Donnez une note.",
      },
    ]);

    await saveReview(first, { assignmentId: assignments[0]!, expectedVersion: 3, data: sheet });
    // Before submitting, the second reviewer sees nothing of the first.
    const secondBefore = await getReviewWorkspace(second, assignments[1]!);
    expect(secondBefore.stage === "review" && secondBefore.others.reviews).toEqual([]);

    expect(await submitReview(first, { assignmentId: assignments[0]!, expectedVersion: 4, ip: null })).toMatchObject({
      alreadySubmitted: false,
      dossierScored: false,
    });
    expect(await submitReview(first, { assignmentId: assignments[0]!, expectedVersion: 4, ip: null })).toMatchObject({
      alreadySubmitted: true,
    });
    // A conflict found after transmitting goes to the programme: declaring it would drop a review already counted.
    const lateConflict = { hasConflict: true as const, type: "PERSONAL_TIE" as const, partnerSiret: "", details: "Découvert après coup." };
    await expect(declareInterests(first, { assignmentId: assignments[0]!, declaration: lateConflict, ip: null })).rejects.toMatchObject({
      code: "INVALID_STATE",
      message: expect.stringMatching(/^Votre évaluation est transmise : pour signaler un lien d'intérêts/),
    });
    expect(await testDb.conflictDeclaration.findUniqueOrThrow({ where: { assignmentId: assignments[0]! } })).toMatchObject({
      hasConflict: false,
    });
    const firstAfter = await getReviewWorkspace(first, assignments[0]!);
    expect(firstAfter.declarationClosed).toMatch(/^Votre évaluation est transmise/);
    expect(secondBefore.declarationClosed).toBeNull();
    await expect(saveReview(first, { assignmentId: assignments[0]!, expectedVersion: 5, data: sheet })).rejects.toMatchObject({
      code: "INVALID_STATE",
    });

    await saveReview(second, { assignmentId: assignments[1]!, expectedVersion: 1, data: completeSheet(wave.criteria, { value: 5 }) });
    expect(await submitReview(second, { assignmentId: assignments[1]!, expectedVersion: 2, ip: null })).toMatchObject({
      dossierScored: true,
    });
    const secondAfter = await getReviewWorkspace(second, assignments[1]!);
    expect(secondAfter.stage === "review" && secondAfter.others.reviews.map((review) => review.reviewer)).toEqual([
      first.displayName,
      "Vous",
    ]);
    expect((await testDb.application.findUniqueOrThrow({ where: { id: dossier.id } })).state).toBe("SCORED");
    const history = await testDb.applicationTransition.findMany({ where: { applicationId: dossier.id }, orderBy: { at: "asc" } });
    expect(history.map((step) => step.toState)).toEqual(["SUBMITTED", "UNDER_REVIEW", "SCORED"]);

    // A manager reopens one review: the dossier goes back under review, the reviewer is told.
    await reopenReview(manager, { assignmentId: assignments[0]!, reason: "Le critère C2 mérite d'être revu.", ip: null });
    expect((await testDb.application.findUniqueOrThrow({ where: { id: dossier.id } })).state).toBe("UNDER_REVIEW");
    expect(await testDb.outboxEmail.count({ where: { to: first.email, subject: { contains: "rouverte" } } })).toBe(1);
    expect(
      await testDb.auditEvent.count({ where: { action: "review.reopened", details: { path: ["assignmentId"], equals: assignments[0]! } } }),
    ).toBe(1);
    // The reviewer's page says why, not only that, it was reopened.
    const reopened = await getReviewWorkspace(first, assignments[0]!);
    expect(reopened.stage === "review" && reopened.review.reopenReason).toBe("Le critère C2 mérite d'être revu.");

    // The establishment: the reason, written to the reviewer, is not in the history it reads, and
    // the programme correcting itself sends it nothing; « Évalué » again is not announced twice.
    const reopening = await testDb.applicationTransition.findFirstOrThrow({ where: { applicationId: dossier.id, fromState: "SCORED" } });
    expect(reopening).toMatchObject({ toState: "UNDER_REVIEW", comment: "" });
    const toDirector = () =>
      testDb.outboxEmail.findMany({ where: { to: dossier.director.email }, orderBy: { createdAt: "asc" }, select: { subject: true } });
    const told = [
      `Le dossier HospiConnect de «\u00a0${dossier.establishment.name}\u00a0» est désormais «\u00a0En instruction\u00a0»`,
      `Le dossier HospiConnect de «\u00a0${dossier.establishment.name}\u00a0» est désormais «\u00a0Évalué\u00a0»`,
    ];
    expect((await toDirector()).map((email) => email.subject)).toEqual(told);
    await submitReview(first, { assignmentId: assignments[0]!, expectedVersion: 6, ip: null });
    expect((await testDb.application.findUniqueOrThrow({ where: { id: dossier.id } })).state).toBe("SCORED");
    expect((await toDirector()).map((email) => email.subject)).toEqual(told);

    // Reopened again: the page gives the latest reason.
    await reopenReview(manager, { assignmentId: assignments[0]!, reason: "Revoir aussi l'appréciation générale.", ip: null });
    const again = await getReviewWorkspace(first, assignments[0]!);
    expect(again.stage === "review" && again.review.reopenReason).toBe("Revoir aussi l'appréciation générale.");
  });

  it("refuses a transmission made on an older version of the sheet, with what is stored, and transmits nothing", async () => {
    const manager = await programmeManager(testDb);
    const wave = await createReviewWave(testDb, { k: 1 });
    const dossier = await createSubmittedDossier(testDb, wave);
    const reviewer = await createReviewer(testDb);
    const { assignmentId } = await assign(manager, wave.waveId, dossier.id, reviewer.userId);
    await declareInterests(reviewer, { assignmentId, declaration: { hasConflict: false }, ip: null });
    // Tab A saved version 2; tab B, open on it, saved other notes since (version 3).
    await saveReview(reviewer, {
      assignmentId,
      expectedVersion: 1,
      data: { ...completeSheet(wave.criteria, { value: 2 }), overallComment: "A" },
    });
    await saveReview(reviewer, {
      assignmentId,
      expectedVersion: 2,
      data: { ...completeSheet(wave.criteria, { value: 5 }), overallComment: "B" },
    });

    await expect(submitReview(reviewer, { assignmentId, expectedVersion: 2, ip: null })).rejects.toMatchObject({
      code: "CONFLICT",
      message: SUBMISSION_CONFLICT_MESSAGE,
      details: { conflict: { version: 3, values: { overallComment: "B" } } },
    });
    expect(await testDb.review.findUniqueOrThrow({ where: { assignmentId } })).toMatchObject({ status: "DRAFT", version: 3 });
    const submittedAudits = () =>
      testDb.auditEvent.count({ where: { action: "review.submitted", details: { path: ["assignmentId"], equals: assignmentId } } });
    expect(await submittedAudits()).toBe(0);

    // The version the reviewer now sees is transmitted.
    expect(await submitReview(reviewer, { assignmentId, expectedVersion: 3, ip: null })).toMatchObject({ alreadySubmitted: false });
    expect(await testDb.review.findUniqueOrThrow({ where: { assignmentId } })).toMatchObject({ status: "SUBMITTED", overallComment: "B" });
    expect(await submittedAudits()).toBe(1);
  });

  it("names the reviewer whose review completed the scoring only to those who see reviewers' names", async () => {
    const manager = await programmeManager(testDb);
    const wave = await createReviewWave(testDb, { k: 2, anonymous: true });
    const dossier = await createSubmittedDossier(testDb, wave);
    const reviewers = [await createReviewer(testDb), await createReviewer(testDb)];
    for (const reviewer of reviewers) {
      const { assignmentId } = await assign(manager, wave.waveId, dossier.id, reviewer.userId);
      await declareInterests(reviewer, { assignmentId, declaration: { hasConflict: false }, ip: null });
      await saveReview(reviewer, { assignmentId, expectedVersion: 1, data: completeSheet(wave.criteria, { value: 4 }) });
      await submitReview(reviewer, { assignmentId, expectedVersion: 2, ip: null });
    }
    const scoredBy = async (viewer: Parameters<typeof getDossier>[0]) =>
      (await getDossier(viewer, dossier.id)).history.find((step) => step.toState === "SCORED")?.actor;

    expect(await scoredBy(manager)).toBe(reviewers[1]!.displayName);
    expect(await scoredBy(reviewers[0]!)).toBe("instruction");
    expect(await scoredBy(dossier.director)).toBe("instruction");
    await testDb.wave.update({ where: { id: wave.waveId }, data: { reviewersAnonymous: false } });
    expect(await scoredBy(reviewers[0]!)).toBe(reviewers[1]!.displayName);
    expect(await scoredBy(dossier.director)).toBe("instruction");
  });

  it("letters the other reviewers of an anonymous wave A, B… for each reviewer, « Vous » taking none", async () => {
    const manager = await programmeManager(testDb);
    const wave = await createReviewWave(testDb, { k: 3, anonymous: true });
    const dossier = await createSubmittedDossier(testDb, wave);
    const reviewers = [await createReviewer(testDb), await createReviewer(testDb), await createReviewer(testDb)];
    const assignments: string[] = [];
    for (const reviewer of reviewers) {
      const { assignmentId } = await assign(manager, wave.waveId, dossier.id, reviewer.userId);
      await declareInterests(reviewer, { assignmentId, declaration: { hasConflict: false }, ip: null });
      await saveReview(reviewer, { assignmentId, expectedVersion: 1, data: completeSheet(wave.criteria, { value: 4 }) });
      await submitReview(reviewer, { assignmentId, expectedVersion: 2, ip: null });
      assignments.push(assignmentId);
    }
    const seenBy = async (index: number) => {
      const workspace = await getReviewWorkspace(reviewers[index]!, assignments[index]!);
      return workspace.stage === "review" && workspace.others.reviews.map((review) => review.reviewer);
    };

    expect(await seenBy(0)).toEqual(["Vous", "Instructeur A", "Instructeur B"]);
    expect(await seenBy(1)).toEqual(["Instructeur A", "Vous", "Instructeur B"]);
    expect(await seenBy(2)).toEqual(["Instructeur A", "Instructeur B", "Vous"]);
  });

  it("goes regional then national: the dossier is « évalué » only when the national tier is complete", async () => {
    const manager = await programmeManager(testDb);
    const wave = await createReviewWave(testDb, { reviewTiers: "REGIONAL_THEN_NATIONAL", k: 1 });
    const dossier = await createSubmittedDossier(testDb, wave, { regionCode: "75" });
    const [arsHere, arsElsewhere, ans] = [
      await createReviewer(testDb, { role: "REGIONAL_REVIEWER", regions: ["75"], affiliations: [{ kind: "ARS", reference: "75" }] }),
      await createReviewer(testDb, { role: "REGIONAL_REVIEWER", regions: ["11"] }),
      await createReviewer(testDb),
    ];
    await expect(assign(manager, wave.waveId, dossier.id, arsElsewhere.userId, "REGIONAL")).rejects.toMatchObject({
      code: "INVALID_INPUT",
    });
    await expect(assign(manager, wave.waveId, dossier.id, ans.userId, "REGIONAL")).rejects.toMatchObject({ code: "INVALID_INPUT" });
    const regional = await assign(manager, wave.waveId, dossier.id, arsHere.userId, "REGIONAL");
    const national = await assign(manager, wave.waveId, dossier.id, ans.userId, "NATIONAL");
    await declareInterests(arsHere, { assignmentId: regional.assignmentId, declaration: { hasConflict: false }, ip: null });
    await declareInterests(ans, { assignmentId: national.assignmentId, declaration: { hasConflict: false }, ip: null });
    await saveReview(arsHere, { assignmentId: regional.assignmentId, expectedVersion: 1, data: completeSheet(wave.criteria) });
    await saveReview(ans, { assignmentId: national.assignmentId, expectedVersion: 1, data: completeSheet(wave.criteria) });

    // The national reviewer may write their review meanwhile, not transmit it before the regional tier's.
    const waiting = await getReviewWorkspace(ans, national.assignmentId);
    expect(waiting.stage === "review" && waiting.awaitingEarlierTier).toBe(true);
    await expect(submitReview(ans, { assignmentId: national.assignmentId, expectedVersion: 2, ip: null })).rejects.toMatchObject({
      code: "INVALID_STATE",
      message:
        "Les évaluations régionales (ARS) de ce dossier ne sont pas toutes transmises : votre évaluation reste enregistrée et pourra être transmise ensuite.",
    });
    expect((await testDb.review.findUniqueOrThrow({ where: { assignmentId: national.assignmentId } })).status).toBe("DRAFT");

    await submitReview(arsHere, { assignmentId: regional.assignmentId, expectedVersion: 2, ip: null });
    expect((await testDb.application.findUniqueOrThrow({ where: { id: dossier.id } })).state).toBe("UNDER_REVIEW");
    // The national reviewer reads the regional review before transmitting their own.
    const workspace = await getReviewWorkspace(ans, national.assignmentId);
    expect(workspace.stage === "review" && workspace.awaitingEarlierTier).toBe(false);
    expect(workspace.stage === "review" && workspace.others.reviews.map((review) => review.tier)).toEqual(["REGIONAL"]);
    await submitReview(ans, { assignmentId: national.assignmentId, expectedVersion: 2, ip: null });
    expect((await testDb.application.findUniqueOrThrow({ where: { id: dossier.id } })).state).toBe("SCORED");
  });

  it("flags detected conflicts: never assigned automatically, assigned by hand only with a written reason, audited", async () => {
    const manager = await programmeManager(testDb);
    const wave = await createReviewWave(testDb, { k: 1 });
    const dossier = await createSubmittedDossier(testDb, wave, { finessEj: "690781810" });
    const former = await createReviewer(testDb, {
      affiliations: [
        { kind: "FINESS", reference: "690781810", startsOn: new Date("2010-01-01"), endsOn: new Date(Date.now() - 365 * 86_400_000) },
      ],
    });
    const preview = await previewAutomaticAssignment(manager, wave.waveId, { tier: "NATIONAL", defaultCap: 5, caps: {} });
    expect(preview.assignments).toEqual([]);
    expect(preview.shortfalls).toEqual([expect.objectContaining({ dossierId: dossier.id, reason: "NOT_ENOUGH_ELIGIBLE", flagged: 1 })]);
    await expect(assign(manager, wave.waveId, dossier.id, former.userId)).rejects.toMatchObject({
      code: "INVALID_INPUT",
      fieldErrors: { overrideReason: [expect.stringContaining("FINESS")] },
    });
    const override = await assign(
      manager,
      wave.waveId,
      dossier.id,
      former.userId,
      "NATIONAL",
      "Seule experte disponible ; départ il y a un an, sans lien avec le projet.",
    );
    expect(override.flags).toEqual(["ESTABLISHMENT_FINESS"]);
    const audit = await testDb.auditEvent.findFirstOrThrow({
      where: { action: "review.assigned_with_override", targetId: override.assignmentId },
    });
    expect(audit.details).toMatchObject({
      flags: ["ESTABLISHMENT_FINESS"],
      overrideReason: expect.stringContaining("experte"),
      // Named for whoever reads the log, not only by ids.
      establishment: dossier.establishment.name,
      reviewer: former.displayName,
    });
    // The assignment page keeps flagging the pair, with the reason the manager gave.
    const board = await getAssignmentBoard(manager, wave.waveId, ZBoardFilters.parse({ vue: "tous" }));
    expect(board.rows.find((row) => row.id === dossier.id)?.assignments).toEqual([
      expect.objectContaining({
        reviewer: former.displayName,
        flags: ["Employeur : l'établissement ou son entité juridique (FINESS)"],
        overrideReason: "Seule experte disponible ; départ il y a un an, sans lien avec le projet.",
      }),
    ]);
    expect(board.counts.flaggedAssignments).toBe(1);
  });

  it("carries a conflict declared with an establishment to its dossier in another wave; a partner tie or a declaration over 3 years old does not", async () => {
    const manager = await programmeManager(testDb);
    const pilot = await createReviewWave(testDb, { k: 3 });
    const first = await createSubmittedDossier(testDb, pilot, { name: "EHPAD des Deux Vagues" });
    const [claire, denis, emma] = [
      await createReviewer(testDb, { name: "Claire" }),
      await createReviewer(testDb, { name: "Denis" }),
      await createReviewer(testDb, { name: "Emma" }),
    ];
    const declared = [
      [claire, { type: "EMPLOYMENT", partnerSiret: "", details: "J'y ai travaillé jusqu'en 2025." }],
      [denis, { type: "PARTNER_TIE", partnerSiret: "", details: "Je conseille l'éditeur IAM du projet." }],
      [emma, { type: "FINANCIAL_INTEREST", partnerSiret: "", details: "Parts dans la société gestionnaire, vendues depuis." }],
    ] as const;
    for (const [reviewer, declaration] of declared) {
      const { assignmentId } = await assign(manager, pilot.waveId, first.id, reviewer.userId);
      await declareInterests(reviewer, { assignmentId, declaration: { hasConflict: true, ...declaration }, ip: null });
    }
    const emmaDeclaration = { assignment: { reviewerId: emma.userId, applicationId: first.id } };
    await testDb.conflictDeclaration.updateMany({
      where: emmaDeclaration,
      data: { declaredAt: new Date(Date.now() - 4 * 365 * 86_400_000) },
    });

    const generalisation = await createReviewWave(testDb, { k: 3 });
    const second = await createSubmittedDossier(testDb, generalisation, { of: first });
    const preview = await previewAutomaticAssignment(manager, generalisation.waveId, { tier: "NATIONAL", defaultCap: 5, caps: {} });
    expect(preview.assignments.map((pair) => pair.reviewer).sort()).toEqual(["Denis", "Emma"]);
    expect(preview.shortfalls).toEqual([
      expect.objectContaining({
        dossierId: second.id,
        missing: 1,
        flagged: 1,
        flags: ["Conflit d'intérêts déclaré sur un autre dossier de l'établissement"],
      }),
    ]);
    await expect(assign(manager, generalisation.waveId, second.id, claire.userId)).rejects.toMatchObject({
      code: "INVALID_INPUT",
      fieldErrors: { overrideReason: [expect.stringContaining("autre dossier de l'établissement")] },
    });
    const override = await assign(
      manager,
      generalisation.waveId,
      second.id,
      claire.userId,
      "NATIONAL",
      "Départ en 2025, sans lien avec le projet.",
    );
    expect(override.flags).toEqual(["DECLARED_ON_ESTABLISHMENT"]);
  });

  it("applies the previewed automatic assignment in one go, refuses a stale preview, and only fills gaps when re-run", async () => {
    const manager = await programmeManager(testDb);
    const wave = await createReviewWave(testDb, { k: 2 });
    const dossiers = [];
    for (let i = 0; i < 6; i++) dossiers.push(await createSubmittedDossier(testDb, wave));
    const reviewers = [];
    for (let i = 0; i < 4; i++) reviewers.push(await createReviewer(testDb));
    const request = { tier: "NATIONAL" as const, defaultCap: 3, caps: {} };
    const preview = await previewAutomaticAssignment(manager, wave.waveId, request);
    expect(preview.assignments).toHaveLength(12);
    expect(preview.reviewers.map((reviewer) => reviewer.after)).toEqual([3, 3, 3, 3]);

    // Someone assigns by hand meanwhile: the preview is stale.
    await assign(manager, wave.waveId, dossiers[0]!.id, reviewers[0]!.userId);
    await expect(
      applyAutomaticAssignment(manager, wave.waveId, { ...request, fingerprint: preview.fingerprint, ip: null }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await testDb.reviewerAssignment.count()).toBe(1);

    const fresh = await previewAutomaticAssignment(manager, wave.waveId, request);
    expect(await applyAutomaticAssignment(manager, wave.waveId, { ...request, fingerprint: fresh.fingerprint, ip: null })).toEqual({
      assigned: 11,
      startedReview: 5,
    });
    expect(await testDb.reviewerAssignment.count()).toBe(12);
    expect(await testDb.application.count({ where: { waveId: wave.waveId, state: "UNDER_REVIEW" } })).toBe(6);
    const assignmentIds = (await testDb.reviewerAssignment.findMany({ select: { id: true } })).map((row) => row.id);
    expect(await testDb.auditEvent.count({ where: { action: "review.assigned", targetId: { in: assignmentIds } } })).toBe(12);
    const automatic = await testDb.auditEvent.findMany({
      where: { action: "review.assigned", details: { path: ["automatic"], equals: true } },
      select: { details: true },
    });
    expect(automatic).toHaveLength(11);
    const names = new Set(reviewers.map((reviewer) => reviewer.displayName));
    const establishments = await testDb.establishment.findMany({ select: { name: true } });
    for (const { details } of automatic) {
      expect(names).toContain((details as { reviewer: string }).reviewer);
      expect(establishments.map((row) => row.name)).toContain((details as { establishment: string }).establishment);
    }
    expect(await testDb.outboxEmail.count({ where: { dedupeKey: { startsWith: "review-assigned:" } } })).toBe(5);

    const again = await previewAutomaticAssignment(manager, wave.waveId, request);
    expect(again.assignments).toEqual([]);
    expect(again.shortfalls).toEqual([]);
  });

  it("gives one assignment its own due date, audited with the reason, but never one already past", async () => {
    const manager = await programmeManager(testDb);
    const wave = await createReviewWave(testDb);
    const dossier = await createSubmittedDossier(testDb, wave);
    const alice = await createReviewer(testDb, { name: "Alice" });
    const { assignmentId } = await assign(manager, wave.waveId, dossier.id, alice.userId);
    const now = parisDateTime("2026-12-04T18:00");
    const set = (dueAt: string) =>
      setAssignmentDueDate(manager, { assignmentId, dueAt, reason: "Congés de l'instructrice.", ip: null }, now);

    await expect(set("2026-12-04T17:59")).rejects.toMatchObject({
      code: "INVALID_INPUT",
      fieldErrors: { dueAt: ["Choisissez une échéance à venir : celle-ci est déjà passée."] },
    });
    expect(await testDb.auditEvent.count({ where: { action: "review.due_date_overridden", targetId: assignmentId } })).toBe(0);

    await expect(set("2026-12-18T18:00")).resolves.toEqual({ dueAt: parisDateTime("2026-12-18T18:00") });
    expect((await testDb.reviewerAssignment.findUniqueOrThrow({ where: { id: assignmentId } })).dueAt).toEqual(
      parisDateTime("2026-12-18T18:00"),
    );
    // Back to the tier's due date.
    await expect(set("")).resolves.toEqual({ dueAt: null });
    expect(await testDb.auditEvent.count({ where: { action: "review.due_date_overridden", targetId: assignmentId } })).toBe(2);
  });

  it("reminds a reviewer 3 days before the due date and each working day once overdue, once each", async () => {
    const manager = await programmeManager(testDb);
    const dueAt = parisDateTime("2026-12-04T18:00");
    const wave = await createReviewWave(testDb, { k: 1, nationalDueAt: dueAt });
    const dossier = await createSubmittedDossier(testDb, wave, { name: "CH Rappels" });
    const reviewer = await createReviewer(testDb);
    const { assignmentId } = await assignReviewer(
      manager,
      wave.waveId,
      { tier: "NATIONAL", applicationId: dossier.id, reviewerId: reviewer.userId, overrideReason: "", ip: null },
      parisDateTime("2026-11-20T10:00"),
    );
    vi.mocked(requestDelivery).mockClear();
    expect(await sendReviewReminders(parisDateTime("2026-12-01T18:30"))).toEqual({ enqueued: 1 });
    expect(requestDelivery).toHaveBeenCalledOnce();
    expect(await sendReviewReminders(parisDateTime("2026-12-01T18:31"))).toEqual({ enqueued: 0 });
    expect(requestDelivery).toHaveBeenCalledOnce();
    expect(await sendReviewReminders(parisDateTime("2026-12-05T10:00"))).toEqual({ enqueued: 0 }); // Saturday
    expect(await sendReviewReminders(parisDateTime("2026-12-07T09:30"))).toEqual({ enqueued: 1 });
    expect(await sendReviewReminders(parisDateTime("2026-12-08T09:30"))).toEqual({ enqueued: 1 });
    const sent = await testDb.outboxEmail.findMany({
      where: { to: reviewer.email, dedupeKey: { startsWith: "review-" }, NOT: { dedupeKey: { startsWith: "review-assigned" } } },
      orderBy: { createdAt: "asc" },
    });
    expect(sent.map((email) => email.dedupeKey)).toEqual([
      `review-due-soon:${assignmentId}:${dueAt.toISOString()}`,
      `review-overdue:${assignmentId}:2026-12-07`,
      `review-overdue:${assignmentId}:2026-12-08`,
    ]);
    expect(sent[1]!.subject).toBe("Évaluation en retard\u00a0: dossier de «\u00a0CH Rappels\u00a0»");
  });

  it("refuses a save while the dossier awaits the establishment's complement, naming it, and keeps the draft", async () => {
    const manager = await programmeManager(testDb);
    const wave = await createReviewWave(testDb, { k: 1 });
    const dossier = await createSubmittedDossier(testDb, wave);
    const reviewer = await createReviewer(testDb);
    const { assignmentId } = await assign(manager, wave.waveId, dossier.id, reviewer.userId);
    await declareInterests(reviewer, { assignmentId, declaration: { hasConflict: false }, ip: null });
    const saved = { ...completeSheet(wave.criteria), overallComment: "Avant la demande" };
    await saveReview(reviewer, { assignmentId, expectedVersion: 1, data: saved });
    const { version } = await testDb.application.findUniqueOrThrow({ where: { id: dossier.id }, select: { version: true } });
    await transitionApplication(manager, {
      applicationId: dossier.id,
      expectedVersion: version,
      ip: null,
      action: "requestInformation",
      comment: "Joignez le devis du prestataire.",
      responseDueAt: "2999-01-15T18:00",
    });

    // The reviewer declared long ago: the refusal names the complement awaited, as the workspace's notice does.
    const awaiting = { code: "INVALID_STATE", message: reviewFrozenReason("INFORMATION_REQUESTED") };
    await expect(
      saveReview(reviewer, { assignmentId, expectedVersion: 2, data: { ...saved, overallComment: "Pendant la demande" } }),
    ).rejects.toMatchObject(awaiting);
    await expect(submitReview(reviewer, { assignmentId, expectedVersion: 2, ip: null })).rejects.toMatchObject(awaiting);
    expect(await testDb.review.findUniqueOrThrow({ where: { assignmentId }, select: { status: true, overallComment: true } })).toEqual({
      status: "DRAFT",
      overallComment: "Avant la demande",
    });
  });
});
