import { beforeEach, describe, expect, it } from "vitest";
import { FILES } from "@/lib/attachments/testing/files";
import { formatParisDateTime } from "@/lib/time/paris";
import { createDraft, createOpenWave, establishmentWithDirector } from "@/test/factories";
import { resetDatabase, testDb } from "@/test/integration/database";
import { uploadAttachment } from "./upload-attachment";

const file = (name: string, bytes: Buffer) => ({ bytes: new Uint8Array(bytes), name, type: "application/pdf" });

beforeEach(resetDatabase);

describe("uploadAttachment", () => {
  it("refuses the same file (same content) twice at one place of the dossier, naming it and when it was added", async () => {
    const { establishment, director } = await establishmentWithDirector(testDb);
    const wave = await createOpenWave(testDb);
    const draft = await createDraft(testDb, establishment.id, wave);
    const [first, second] = wave.objectives;
    const upload = (objectiveId: string | null, name: string, bytes = FILES.pdf) =>
      uploadAttachment(director, { applicationId: draft.id, objectiveId, file: file(name, bytes) });

    const kept = await upload(first!.id, "rapport.pdf");
    // Under another name too: the content is the same file.
    await expect(upload(first!.id, "rapport (copie).pdf")).rejects.toMatchObject({
      code: "CONFLICT",
      message: `Ce fichier est déjà joint (« rapport.pdf », ajouté le ${formatParisDateTime(kept.createdAt)}).`,
      fieldErrors: { file: [`Ce fichier est déjà joint (« rapport.pdf », ajouté le ${formatParisDateTime(kept.createdAt)}).`] },
    });
    // Another objective, the dossier's own files, or another content under the same name: accepted.
    await upload(second!.id, "rapport.pdf");
    await upload(null, "rapport.pdf");
    await upload(first!.id, "rapport.pdf", Buffer.concat([FILES.pdf, Buffer.from("% v2\n")]));
    const stored = await testDb.attachment.findMany({ where: { applicationId: draft.id }, select: { objectiveId: true } });
    expect(stored.map((row) => row.objectiveId).sort()).toEqual([first!.id, first!.id, second!.id, null].sort());
  });
});
