import { beforeEach, describe, expect, it } from "vitest";
import { dossierReference } from "@/lib/applications/dossier-reference";
import { resetDatabase, testDb } from "@/test/integration/database";
import { createDraft, createEstablishment, createOpenWave, createReviewer, programmeManager } from "@/test/factories";
import { describeAuditDetails } from "./details";
import { searchAuditLog, ZAuditFilters } from "./queries";
import { recordAudit } from "./record-audit";

describe("the audit log", () => {
  beforeEach(resetDatabase);

  it("names a dossier by its reference, and finds its entries by that reference as by its id", async () => {
    const manager = await programmeManager(testDb);
    const establishment = await createEstablishment(testDb);
    const { id } = await createDraft(testDb, establishment.id, await createOpenWave(testDb));
    const { number } = await testDb.application.findUniqueOrThrow({ where: { id }, select: { number: true } });
    await recordAudit(testDb, {
      actor: { id: null, label: "test" },
      action: "application.submitted",
      target: { type: "Application", id },
      ip: null,
    });
    const search = async (target: string) => (await searchAuditLog(manager, ZAuditFilters.parse({ target }))).events;

    const byReference = await search(dossierReference(number).toLowerCase());
    expect(byReference.map((event) => [event.targetId, event.targetReference])).toEqual([[id, dossierReference(number)]]);
    expect((await search(id)).map((event) => event.targetReference)).toEqual([dossierReference(number)]);
    expect(await search("HC-99999")).toEqual([]);
  });

  it("finds by a dossier's reference the entries that concern it through an assignment or a review, and names it there", async () => {
    const manager = await programmeManager(testDb);
    const establishment = await createEstablishment(testDb);
    const wave = await createOpenWave(testDb);
    const { id } = await createDraft(testDb, establishment.id, wave);
    const { number } = await testDb.application.findUniqueOrThrow({ where: { id }, select: { number: true } });
    const actor = { id: null, label: "test" };
    const [assignment, review] = [crypto.randomUUID(), crypto.randomUUID()];
    await recordAudit(testDb, {
      actor,
      action: "review.assigned",
      target: { type: "ReviewerAssignment", id: assignment },
      details: { applicationId: id },
    });
    await recordAudit(testDb, {
      actor,
      action: "review.submitted",
      target: { type: "Review", id: review },
      details: { assignmentId: assignment, applicationId: id },
    });
    await recordAudit(testDb, {
      actor,
      action: "review.submitted",
      target: { type: "Review", id: crypto.randomUUID() },
      details: { applicationId: crypto.randomUUID() },
    });
    await recordAudit(testDb, {
      actor,
      action: "decisions.exported",
      target: { type: "Wave", id: wave.waveId },
      details: { filters: { wave: wave.waveId } },
    });

    const found = await searchAuditLog(manager, ZAuditFilters.parse({ target: dossierReference(number) }));
    expect(found.events.map((event) => event.targetId)).toEqual([review, assignment]);
    expect(found.names.get(id)).toBe(dossierReference(number));

    const exported = await searchAuditLog(manager, ZAuditFilters.parse({ target: wave.waveId }));
    expect(exported.events.map((event) => event.targetReference)).toEqual([`« ${wave.title} »`]);
  });

  it("names the establishments, people, campaigns, assignments and reviews of its targets and details, not by their ids", async () => {
    const manager = await programmeManager(testDb);
    const establishment = await createEstablishment(testDb, { name: "EHPAD Les Glycines" });
    const wave = await createOpenWave(testDb);
    const { campaignId } = await testDb.wave.findUniqueOrThrow({ where: { id: wave.waveId }, select: { campaignId: true } });
    const { id } = await createDraft(testDb, establishment.id, wave);
    const reference = dossierReference((await testDb.application.findUniqueOrThrow({ where: { id }, select: { number: true } })).number);
    const reviewer = await createReviewer(testDb, { name: "Inès Lecteur" });
    const assignment = await testDb.reviewerAssignment.create({
      data: { applicationId: id, reviewerId: reviewer.userId },
      select: { id: true },
    });
    const review = await testDb.review.create({ data: { assignmentId: assignment.id }, select: { id: true } });
    const actor = { id: null, label: "test" };
    const entries = [
      {
        action: "application.started",
        target: { type: "Application", id },
        details: { waveId: wave.waveId, establishmentId: establishment.id },
      },
      { action: "wave.created", target: { type: "Wave", id: wave.waveId }, details: { campaignId } },
      { action: "review.assigned", target: { type: "ReviewerAssignment", id: assignment.id }, details: { reviewerId: reviewer.userId } },
      { action: "review.submitted", target: { type: "Review", id: review.id }, details: { assignmentId: assignment.id } },
      { action: "role.changed", target: { type: "User", id: reviewer.userId } },
      { action: "establishment.updated", target: { type: "Establishment", id: establishment.id } },
    ];
    for (const entry of entries) await recordAudit(testDb, { actor, ...entry });

    const read = async (target: string) => {
      const { events, names } = await searchAuditLog(manager, ZAuditFilters.parse({ target }));
      return events.map((event) => ({
        target: event.targetReference,
        details: describeAuditDetails(event.details, { action: event.action, names }).map(({ label, value }) => `${label} : ${value}`),
      }));
    };
    expect(await read(id)).toEqual([{ target: reference, details: [`Vague : « ${wave.title} »`, "Établissement : EHPAD Les Glycines"] }]);
    expect(await read(wave.waveId)).toEqual([{ target: `« ${wave.title} »`, details: [`Campagne : « Campagne ${wave.title.slice(6)} »`] }]);
    expect(await read(assignment.id)).toEqual([{ target: reference, details: [`Identifiant de l'instructeur : ${reviewer.email}`] }]);
    expect(await read(review.id)).toEqual([{ target: reference, details: [`Attribution : ${reference}`] }]);
    expect(await read(reviewer.userId)).toEqual([{ target: reviewer.email, details: [] }]);
    expect(await read(establishment.id)).toEqual([{ target: "EHPAD Les Glycines", details: [] }]);
  });

  it("names a wave's eligible categories by their labels, as the wave's form does, in its creation and its changes", async () => {
    const manager = await programmeManager(testDb);
    const wave = await createOpenWave(testDb);
    const labelOf = async (code: string) =>
      `${(await testDb.establishmentCategory.findUniqueOrThrow({ where: { code }, select: { label: true } })).label} (${code})`;
    const actor = { id: null, label: "test" };
    const target = { type: "Wave", id: wave.waveId };
    await recordAudit(testDb, { actor, action: "wave.created", target, details: { eligibleCategoryCodes: ["500", "355"] } });
    await recordAudit(testDb, {
      actor,
      action: "wave.settings_changed",
      target,
      details: { eligibleCategoryCodes: { from: ["500", "355"], to: ["500"] } },
    });
    const { events, names } = await searchAuditLog(manager, ZAuditFilters.parse({ target: wave.waveId }));
    const details = events.map((event) =>
      describeAuditDetails(event.details, { action: event.action, names }).map(({ label, value }) => `${label} : ${value}`),
    );
    const [ehpad, ch] = [await labelOf("500"), await labelOf("355")];
    expect(details).toEqual(
      expect.arrayContaining([
        [`Catégories éligibles : ${ehpad}, ${ch}`],
        [`Catégories éligibles : Avant : ${ehpad}, ${ch} ; Après : ${ehpad}`],
      ]),
    );
  });

  it("names by their address the authors of entries written before their label was their address", async () => {
    const manager = await programmeManager(testDb);
    const reviewer = await createReviewer(testDb);
    const [refused, signedOut] = [crypto.randomUUID(), crypto.randomUUID()];
    const actor = { id: reviewer.userId, label: `utilisateur ${reviewer.userId}` };
    await recordAudit(testDb, { actor, action: "auth.sign_in_failed", target: { type: "WebAuthnCredential", id: refused } });
    await recordAudit(testDb, {
      actor: { ...actor, label: reviewer.userId },
      action: "auth.sign_out",
      target: { type: "Session", id: signedOut },
    });
    const author = async (target: string) =>
      (await searchAuditLog(manager, ZAuditFilters.parse({ target }))).events.map((event) => event.actorLabel);

    expect(await author(refused)).toEqual([reviewer.email]);
    expect(await author(signedOut)).toEqual([reviewer.email]);
  });

  it("lists the chosen action only, not those whose code begins with it", async () => {
    const manager = await programmeManager(testDb);
    const actor = `filtre-${crypto.randomUUID()}`;
    for (const action of ["auth.sign_in", "auth.sign_in_failed", "review.assigned", "review.assigned_with_override"])
      await testDb.auditEvent.create({ data: { actorLabel: actor, action } });
    const actions = async (action: string) =>
      (await searchAuditLog(manager, ZAuditFilters.parse({ actor, action }))).events.map((event) => event.action);
    expect(await actions("auth.sign_in")).toEqual(["auth.sign_in"]);
    expect(await actions("review.assigned")).toEqual(["review.assigned"]);
  });

  it("finds a day's entries to its last millisecond, and none of the next day's", async () => {
    const manager = await programmeManager(testDb);
    const actor = `horloge-${crypto.randomUUID()}`;
    // 31 March 2027, summer time: 23:59:58.999, 23:59:59.500 and midnight in Paris.
    for (const at of ["2027-03-31T21:59:58.999Z", "2027-03-31T21:59:59.500Z", "2027-03-31T22:00:00.000Z"])
      await testDb.auditEvent.create({ data: { at: new Date(at), actorLabel: actor, action: "test.clock" } });
    const on = async (from: string, to: string) =>
      (await searchAuditLog(manager, ZAuditFilters.parse({ actor, from, to }))).events.map((event) => event.at.toISOString());
    expect(await on("2027-03-31", "2027-03-31")).toEqual(["2027-03-31T21:59:59.500Z", "2027-03-31T21:59:58.999Z"]);
    expect(await on("2027-04-01", "2027-04-01")).toEqual(["2027-03-31T22:00:00.000Z"]);
  });
});
