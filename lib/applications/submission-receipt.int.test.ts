import { beforeEach, describe, expect, it } from "vitest";
import type { Viewer } from "@/lib/access/viewer";
import { fileStorage } from "@/lib/storage";
import { resetDatabase, testDb } from "@/test/integration/database";
import { submitApplication } from "./submit-application";
import { completeDossierContent, createOpenWave } from "@/test/factories";

async function receiptKeys(): Promise<Set<string>> {
  const keys = new Set<string>();
  for await (const object of fileStorage().list()) if (object.key.startsWith("receipts/")) keys.add(object.key);
  return keys;
}

/**
 * A submission's acknowledgment of receipt holds the dossier's content: parallel submits of one
 * dossier (a double click, two members, two tabs) must leave exactly one PDF in the storage.
 * Run on a real PostgreSQL too (TEST_DATABASE_URL), where the submits really overlap.
 */
describe("the receipt of a submission", () => {
  beforeEach(resetDatabase);

  it("is written once, by the submit that wins, however many run at the same time", async () => {
    const establishment = await testDb.establishment.create({
      data: { name: "EHPAD Parallèle", finessEt: "750712184", finessEj: "690781810", categoryCode: "500", regionCode: "75", departmentCode: "79", city: "Niort", headcount: 10 },
    });
    const wave = await createOpenWave(testDb, { closesAt: new Date(Date.now() + 86_400_000) });
    const application = await testDb.application.create({ data: { establishmentId: establishment.id, waveId: wave.waveId, waveVersionId: wave.versionId } });
    await testDb.application.update({ where: { id: application.id }, data: completeDossierContent(wave.objectives) });
    const members = await Promise.all(
      ["ines", "marc", "zoe"].map((name) =>
        testDb.user.create({ data: { email: `${name}@parallele.test`, displayName: name, memberships: { create: { establishmentId: establishment.id, role: "DIRECTOR" } } } }),
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
      Array.from({ length: 10 }, (_, index) => submitApplication(viewers[index % viewers.length]!, { applicationId: application.id, idempotencyKey: crypto.randomUUID(), ip: null })),
    );

    expect(new Set(results.map((result) => result.submissionId)).size).toBe(1);
    expect(results.filter((result) => !result.alreadySubmitted)).toHaveLength(1);
    const submission = await testDb.submission.findFirstOrThrow({ where: { applicationId: application.id } });
    const written = [...(await receiptKeys())].filter((key) => !before.has(key));
    expect(written).toEqual([submission.receiptKey]);
    expect(await testDb.outboxEmail.count({ where: { dedupeKey: { startsWith: `receipt:${submission.id}:` } } })).toBe(3);
  });
});
