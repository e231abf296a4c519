import { beforeEach, describe, expect, it } from "vitest";
import { issuePendingReceipts } from "@/lib/applications/issue-receipts";
import { extractPdfText } from "@/lib/applications/testing/pdf-text";
import { submitApplication } from "@/lib/applications/submit-application";
import { fileStorage } from "@/lib/storage";
import { resetDatabase, testDb } from "@/test/integration/database";
import { recordIndicatorSnapshot } from "./snapshots";
import { completeDossierContent, createOpenWave, establishmentWithDirector, insertRoster } from "@/test/factories";

/** At submission the roster's figures are frozen: a SUBMISSION snapshot linked to the dossier, quoted by the receipt. */
describe("indicators frozen at submission", () => {
  beforeEach(resetDatabase);

  async function completeDraft() {
    const { establishment, director } = await establishmentWithDirector(testDb);
    const wave = await createOpenWave(testDb, { closesAt: new Date(Date.now() + 86_400_000) });
    const application = await testDb.application.create({
      data: { establishmentId: establishment.id, waveId: wave.waveId, waveVersionId: wave.versionId },
    });
    await testDb.application.update({ where: { id: application.id }, data: completeDossierContent(wave.objectives) });
    return { establishment, application, director };
  }

  it("stores a SUBMISSION snapshot linked to the dossier and puts the same figures in the receipt", async () => {
    const { establishment, application, director } = await completeDraft();
    await insertRoster(testDb, establishment.id);
    const now = new Date("2026-11-29T10:15:00Z");
    await testDb.wave.updateMany({ data: { opensAt: new Date("2026-01-01"), closesAt: new Date("2026-12-31") } });
    // A CHANGE snapshot of the same day must stay: the submission's is another row.
    await recordIndicatorSnapshot(testDb, establishment.id, "CHANGE", { now: new Date("2026-11-29T09:00:00Z") });

    const receipt = await submitApplication(
      director,
      { applicationId: application.id, idempotencyKey: crypto.randomUUID(), ip: null },
      now,
    );

    const frozen = await testDb.indicatorSnapshot.findMany({ where: { applicationId: application.id } });
    expect(frozen).toHaveLength(1);
    expect(frozen[0]).toMatchObject({
      reason: "SUBMISSION",
      takenAt: now,
      active: 5,
      registered: 3,
      substantialId: 4,
      rieCompliant: 4,
      dmpReady: 2,
    });
    expect(await testDb.indicatorSnapshot.count({ where: { establishmentId: establishment.id, reason: "CHANGE" } })).toBe(1);

    // The receipt job renders it later, from the frozen figures: the roster has changed meanwhile.
    await testDb.professional.deleteMany({ where: { establishmentId: establishment.id } });
    await issuePendingReceipts();
    const submission = await testDb.submission.findUniqueOrThrow({ where: { id: receipt.submissionId } });
    const pdf = await fileStorage().get(submission.receiptKey!);
    const text = extractPdfText(pdf!).map((line) => line.replace(/[\u00a0\u202f]/g, " "));
    expect(text).toContain("Indicateurs du registre des professionnels au 29 novembre 2026");
    expect(text).toContain("Professionnels en activité : 5");
    expect(text).toContain("Enregistrés au RPPS : 3 (60 %)");
    expect(text).toContain("En mesure d'accéder au DMP : 2 (40 %)");

    // A retried submission neither adds a snapshot nor changes the frozen one.
    await submitApplication(director, { applicationId: application.id, idempotencyKey: submission.idempotencyKey, ip: null }, now);
    expect(await testDb.indicatorSnapshot.count({ where: { applicationId: application.id } })).toBe(1);
  });
});
