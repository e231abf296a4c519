import { beforeEach, describe, expect, it } from "vitest";
import { deleteAttachment, uploadAttachment } from "@/lib/attachments/upload-attachment";
import { FILES } from "@/lib/attachments/testing/files";
import { auditActionLabel } from "@/lib/audit/action-labels";
import { describeAuditDetails } from "@/lib/audit/details";
import { searchAuditLog, ZAuditFilters } from "@/lib/audit/queries";
import { createDraft, createOpenWave, createUser, establishmentWithDirector, programmeManager } from "@/test/factories";
import { resetDatabase, testDb } from "@/test/integration/database";
import { dossierReference } from "./dossier-reference";
import { postMessage } from "./post-message";
import { saveSection } from "./save-section";

/**
 * What members do to a draft reaches the audit log (ADR 0039): sections saved (merged per person
 * and section over ten minutes), files added and removed, messages posted; a refused write leaves
 * no entry, and no text typed by anyone is copied into it.
 */
describe("a dossier's activity in the audit log", () => {
  beforeEach(resetDatabase);

  async function setup() {
    const { establishment, director } = await establishmentWithDirector(testDb);
    const { viewer: editor } = await createUser(testDb, {
      establishmentId: establishment.id,
      membershipRole: "EDITOR",
      name: "Co-rédacteur",
    });
    const wave = await createOpenWave(testDb);
    const draft = await createDraft(testDb, establishment.id, wave);
    return { director, editor, wave, draft };
  }

  const entries = (applicationId: string) =>
    testDb.auditEvent.findMany({
      where: { targetType: "Application", targetId: applicationId, action: { not: "application.started" } },
      orderBy: { id: "asc" },
      select: { actorId: true, actorLabel: true, action: true, details: true, ip: true },
    });

  const project = (title: string) => ({ projectTitle: title, projectSummary: "" });

  it("writes one entry per section per person per ten minutes, and a new one when another member takes a turn", async () => {
    const { director, editor, draft } = await setup();
    const save = (viewer: typeof director, section: "PROJECT" | "IAM_SSO", expectedVersion: number, data: unknown) =>
      saveSection(viewer, { applicationId: draft.id, section, expectedVersion, data, ip: "203.0.113.7" });

    await save(director, "PROJECT", 0, project("Premier jet"));
    await save(director, "PROJECT", 1, project("Deuxième jet"));
    await save(director, "IAM_SSO", 0, { iamPlan: "SSO" });
    await save(editor, "PROJECT", 2, project("Relu"));
    await save(director, "PROJECT", 3, project("Corrigé"));
    expect(await entries(draft.id)).toEqual([
      {
        actorId: director.userId,
        actorLabel: director.email,
        action: "application.section_saved",
        details: { section: "PROJECT", version: 1 },
        ip: "203.0.113.7",
      },
      {
        actorId: director.userId,
        actorLabel: director.email,
        action: "application.section_saved",
        details: { section: "IAM_SSO", version: 1 },
        ip: "203.0.113.7",
      },
      {
        actorId: editor.userId,
        actorLabel: editor.email,
        action: "application.section_saved",
        details: { section: "PROJECT", version: 3 },
        ip: "203.0.113.7",
      },
      {
        actorId: director.userId,
        actorLabel: director.email,
        action: "application.section_saved",
        details: { section: "PROJECT", version: 4 },
        ip: "203.0.113.7",
      },
    ]);

    // Ten minutes after the director's entry, their next save of the section is an entry again.
    await testDb.auditEvent.create({
      data: {
        at: new Date(Date.now() - 11 * 60_000),
        actorId: director.userId,
        actorLabel: director.email,
        action: "application.section_saved",
        targetType: "Application",
        targetId: draft.id,
        details: { section: "IAM_SSO", version: 1 },
      },
    });
    await save(director, "IAM_SSO", 1, { iamPlan: "Autre" });
    expect((await entries(draft.id)).at(-1)).toMatchObject({ details: { section: "IAM_SSO", version: 2 } });
  });

  it("writes nothing for a refused save", async () => {
    const { director, editor, draft } = await setup();
    await saveSection(director, { applicationId: draft.id, section: "PROJECT", expectedVersion: 0, data: project("Le sien") });
    const before = await entries(draft.id);
    // On top of the director's save, then an invalid section.
    await expect(
      saveSection(editor, { applicationId: draft.id, section: "PROJECT", expectedVersion: 0, data: project("Le mien") }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(
      saveSection(editor, { applicationId: draft.id, section: "PROJECT", expectedVersion: 1, data: { projectTitle: 42 } }),
    ).rejects.toMatchObject({ code: "INVALID_INPUT" });
    expect(await entries(draft.id)).toEqual(before);
  });

  it("records a file added and removed by its id, content hash and objective, never its name", async () => {
    const { director, editor, wave, draft } = await setup();
    const objective = wave.objectives[0]!;
    const file = { bytes: new Uint8Array(FILES.pdf), name: "Arrêt maladie Mme Dupont.pdf", type: "application/pdf" };
    const added = await uploadAttachment(director, { applicationId: draft.id, objectiveId: objective.id, file, ip: null });
    const { sha256 } = await testDb.attachment.findUniqueOrThrow({ where: { id: added.id }, select: { sha256: true } });
    // The same file again is refused: no entry.
    await expect(uploadAttachment(director, { applicationId: draft.id, objectiveId: objective.id, file, ip: null })).rejects.toMatchObject({
      code: "CONFLICT",
    });
    await deleteAttachment(editor, added.id, null);
    const own = await uploadAttachment(director, { applicationId: draft.id, objectiveId: null, file, ip: null });

    const expected = { attachmentId: added.id, sha256, objectiveCode: objective.code };
    expect(await entries(draft.id)).toEqual([
      { actorId: director.userId, actorLabel: director.email, action: "application.attachment_added", details: expected, ip: null },
      { actorId: editor.userId, actorLabel: editor.email, action: "application.attachment_removed", details: expected, ip: null },
      {
        actorId: director.userId,
        actorLabel: director.email,
        action: "application.attachment_added",
        details: { attachmentId: own.id, sha256 },
        ip: null,
      },
    ]);
    expect(JSON.stringify(await entries(draft.id))).not.toContain("Dupont");
  });

  it("records a message posted, without its words, and nothing for a refused one", async () => {
    const { director, draft } = await setup();
    await expect(postMessage(director, { applicationId: draft.id, body: "   ", files: [] })).rejects.toMatchObject({
      code: "INVALID_INPUT",
    });
    const file = { bytes: new Uint8Array(FILES.pdf), name: "devis.pdf", type: "application/pdf" };
    const message = await postMessage(director, { applicationId: draft.id, body: "Mme Dupont vous rappellera.", files: [file], ip: null });
    expect(await entries(draft.id)).toEqual([
      {
        actorId: director.userId,
        actorLabel: director.email,
        action: "application.message_posted",
        details: { messageId: message.id, files: 1 },
        ip: null,
      },
    ]);
  });

  it("lists these entries under the dossier's reference, in French", async () => {
    const { director, wave, draft } = await setup();
    await saveSection(director, {
      applicationId: draft.id,
      section: "PSC_FEDERATION",
      expectedVersion: 0,
      data: { pscFederationPlan: "Plan" },
    });
    const file = { bytes: new Uint8Array(FILES.pdf), name: "preuve.pdf", type: "application/pdf" };
    const added = await uploadAttachment(director, { applicationId: draft.id, objectiveId: wave.objectives[0]!.id, file, ip: null });
    await deleteAttachment(director, added.id, null);
    await postMessage(director, { applicationId: draft.id, body: "Bonjour", files: [] });

    const { number } = await testDb.application.findUniqueOrThrow({ where: { id: draft.id }, select: { number: true } });
    const log = await searchAuditLog(await programmeManager(testDb), ZAuditFilters.parse({ target: dossierReference(number) }));
    const shown = log.events.map((event) => ({
      action: auditActionLabel(event.action),
      target: event.targetReference,
      details: describeAuditDetails(event.details, { action: event.action })
        .filter((detail) => !["Pièce jointe", "Message", "Empreinte du fichier (SHA-256)"].includes(detail.label))
        .map((detail) => `${detail.label} : ${detail.value}`),
    }));
    expect(shown).toEqual([
      { action: "Message envoyé sur le dossier", target: dossierReference(number), details: ["Fichiers : 0"] },
      { action: "Pièce jointe retirée du dossier", target: dossierReference(number), details: [`Objectif : ${wave.objectives[0]!.code}`] },
      { action: "Pièce jointe ajoutée au dossier", target: dossierReference(number), details: [`Objectif : ${wave.objectives[0]!.code}`] },
      {
        action: "Section du dossier enregistrée",
        target: dossierReference(number),
        details: ["Section : Fédération avec Pro Santé Connect", "Version : 1"],
      },
    ]);
  });
});
