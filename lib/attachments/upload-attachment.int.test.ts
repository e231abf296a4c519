import { createHash } from "node:crypto";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { FILES } from "@/lib/attachments/testing/files";
import { storedKeys } from "@/lib/storage/testing/stored-keys";
import { formatParisDateTime } from "@/lib/time/paris";
import { createDraft, createOpenWave, establishmentWithDirector } from "@/test/factories";
import { resetDatabase, testDb } from "@/test/integration/database";
import { uploadAttachment } from "./upload-attachment";

// createHash, watched: how many times an upload hashes its file.
vi.mock("node:crypto", async (importOriginal) => {
  const crypto = await importOriginal<typeof import("node:crypto")>();
  return { ...crypto, createHash: vi.fn(crypto.createHash) };
});

const file = (name: string, bytes: Buffer) => ({ bytes: new Uint8Array(bytes), name, type: "application/pdf" });

beforeEach(resetDatabase);

describe("uploadAttachment", () => {
  it("refuses the same file (same content) twice at one place of the dossier, naming it and when it was added, and keeps nothing of it", async () => {
    const { establishment, director } = await establishmentWithDirector(testDb);
    const wave = await createOpenWave(testDb);
    const draft = await createDraft(testDb, establishment.id, wave);
    const [first, second] = wave.objectives;
    const upload = (objectiveId: string | null, name: string, bytes = FILES.pdf) =>
      uploadAttachment(director, { applicationId: draft.id, objectiveId, file: file(name, bytes) });

    const kept = await upload(first!.id, "rapport.pdf");
    const stored = await storedKeys();
    // Under another name too: the content is the same file.
    await expect(upload(first!.id, "rapport (copie).pdf")).rejects.toMatchObject({
      code: "CONFLICT",
      message: `Ce fichier est déjà joint (« rapport.pdf », ajouté le ${formatParisDateTime(kept.createdAt)}).`,
      fieldErrors: { file: [`Ce fichier est déjà joint (« rapport.pdf », ajouté le ${formatParisDateTime(kept.createdAt)}).`] },
    });
    // Repeated refusals would otherwise fill the storage until the daily sweep.
    expect(await storedKeys()).toEqual(stored);
    // Another objective, the dossier's own files, or another content under the same name: accepted.
    await upload(second!.id, "rapport.pdf");
    await upload(null, "rapport.pdf");
    await upload(first!.id, "rapport.pdf", Buffer.concat([FILES.pdf, Buffer.from("% v2\n")]));
    const rows = await testDb.attachment.findMany({ where: { applicationId: draft.id }, select: { objectiveId: true } });
    expect(rows.map((row) => row.objectiveId).sort()).toEqual([first!.id, first!.id, second!.id, null].sort());
  });

  it("refuses the second of two uploads of the same file at the same place at the same time, with the same message", async () => {
    // Ten dossiers, each receiving the same file twice at once at an objective and among its own
    // files: on PostgreSQL, without the lock, both uploads passed the read that looks for the file.
    const wave = await createOpenWave(testDb);
    const objectiveId = wave.objectives[0]!.id;
    const drafts = await Promise.all(
      Array.from({ length: 10 }, async () => {
        const { establishment, director } = await establishmentWithDirector(testDb);
        return { director, id: (await createDraft(testDb, establishment.id, wave)).id };
      }),
    );
    const places = drafts.flatMap((draft) => [objectiveId, null].map((place) => ({ draft, objectiveId: place })));
    const before = await storedKeys();

    const outcomes = await Promise.allSettled(
      places.flatMap(({ draft, objectiveId }) =>
        ["rapport.pdf", "rapport (copie).pdf"].map((name) =>
          uploadAttachment(draft.director, { applicationId: draft.id, objectiveId, file: file(name, FILES.pdf) }),
        ),
      ),
    );

    const rows = await testDb.attachment.findMany({
      where: { applicationId: { in: drafts.map((draft) => draft.id) } },
      select: { applicationId: true, objectiveId: true, fileName: true, createdAt: true, storageKey: true },
    });
    expect(rows).toHaveLength(places.length);
    // The refused ones' files are gone: what was added is the kept rows' files.
    expect([...(await storedKeys())].filter((key) => !before.has(key)).sort()).toEqual(rows.map((row) => row.storageKey).sort());
    const refusals = outcomes.filter((outcome) => outcome.status === "rejected").map((outcome) => outcome.reason as unknown);
    expect(refusals).toHaveLength(places.length);
    for (const [index, outcome] of outcomes.entries()) {
      if (outcome.status === "fulfilled") continue;
      const place = places[Math.floor(index / 2)]!;
      const kept = rows.find((row) => row.applicationId === place.draft.id && row.objectiveId === place.objectiveId)!;
      const message = `Ce fichier est déjà joint (« ${kept.fileName} », ajouté le ${formatParisDateTime(kept.createdAt)}).`;
      expect(outcome.reason).toMatchObject({ code: "CONFLICT", message, fieldErrors: { file: [message] } });
    }
  });

  it("hashes the file once", async () => {
    const { establishment, director } = await establishmentWithDirector(testDb);
    const draft = await createDraft(testDb, establishment.id, await createOpenWave(testDb));
    vi.mocked(createHash).mockClear();

    await uploadAttachment(director, { applicationId: draft.id, objectiveId: null, file: file("rapport.pdf", FILES.pdf) });

    expect(vi.mocked(createHash).mock.calls.filter(([algorithm]) => algorithm === "sha256")).toHaveLength(1);
  });
});
