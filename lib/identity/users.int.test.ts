import { beforeEach, describe, expect, it } from "vitest";
import { resetDatabase, testDb } from "@/test/integration/database";
import { dossierReference } from "@/lib/applications/dossier-reference";
import { assignReviewer } from "@/lib/review/assign-reviewer";
import {
  createReviewer,
  createReviewWave,
  createSubmittedDossier,
  createUser,
  establishmentWithDirector,
  programmeManager,
} from "@/test/factories";
import { listStaff, STAFF_PAGE_SIZE, updateStaffMember, ZStaffFilters } from "./users";

describe("the ANS accounts list", () => {
  beforeEach(resetDatabase);

  it("pages through the staff by role then name, members of establishments left out", async () => {
    const manager = await programmeManager(testDb);
    await establishmentWithDirector(testDb);
    for (let index = 0; index < STAFF_PAGE_SIZE; index += 1)
      await createReviewer(testDb, { name: `Instructeur ${String(index).padStart(2, "0")}` });

    const first = await listStaff(manager, ZStaffFilters.parse({}));
    const second = await listStaff(manager, ZStaffFilters.parse({ page: "2" }));

    expect([first.total, first.pageCount, first.rows.length, second.rows.length]).toEqual([STAFF_PAGE_SIZE + 1, 2, STAFF_PAGE_SIZE, 1]);
    expect(first.rows[0]!.displayName).toBe("Instructeur 00");
    // REVIEWER sorts before PROGRAMME_MANAGER in the enum's order; every row is a staff account.
    expect(second.rows.map((row) => row.id)).toEqual([manager.userId]);
  });

  it("finds a person by the words of their name or address in any order, whatever the accents and capitals, and filters by role", async () => {
    const manager = await programmeManager(testDb);
    const ars = await createReviewer(testDb, { role: "REGIONAL_REVIEWER", regions: ["84"], name: "Hélène Marchand" });
    await createReviewer(testDb, { name: "Paul Agent" });
    await createUser(testDb, { name: "Hélène Directrice" });
    const found = async (query: Record<string, string>) =>
      (await listStaff(manager, ZStaffFilters.parse(query))).rows.map((row) => row.displayName);

    expect(await found({ search: "MARCHAND" })).toEqual(["Hélène Marchand"]);
    expect(await found({ search: "marchand helene" })).toEqual(["Hélène Marchand"]);
    // « % » and « _ » are letters of the search, not wildcards.
    expect(await found({ search: "%" })).toEqual([]);
    expect(await found({ search: "h_l" })).toEqual([]);
    expect(await found({ search: ars.email.slice(0, 12) })).toEqual(["Hélène Marchand"]);
    expect(await found({ role: "REGIONAL_REVIEWER" })).toEqual(["Hélène Marchand"]);
    expect(await found({ role: "PROGRAMME_MANAGER" })).toEqual(["Claire Pilote"]);
    // A malformed role is no filter at all.
    expect(await found({ role: "ADMIN", search: "hélène" })).toEqual(["Hélène Marchand"]);
  });

  it("refuses a role change from under the reviews a reviewer still has to do, and drops an ARS reviewer's regions once it is made", async () => {
    const manager = await programmeManager(testDb);
    const wave = await createReviewWave(testDb, { reviewTiers: "REGIONAL_THEN_NATIONAL", k: 1 });
    const dossier = await createSubmittedDossier(testDb, wave, { name: "EHPAD du Rôle", regionCode: "44" });
    const ars = await createReviewer(testDb, { role: "REGIONAL_REVIEWER", regions: ["44"] });
    await assignReviewer(manager, wave.waveId, {
      tier: "REGIONAL",
      applicationId: dossier.id,
      reviewerId: ars.userId,
      overrideReason: "",
      ip: null,
    });
    const { number } = await testDb.application.findUniqueOrThrow({ where: { id: dossier.id }, select: { number: true } });

    await expect(updateStaffMember(manager, ars.userId, { staffRole: "PROGRAMME_MANAGER" }, null)).rejects.toMatchObject({
      code: "INVALID_STATE",
      message: `Cet instructeur a un dossier à évaluer que ce rôle ou ces régions ne couvrent plus (${dossierReference(number)} « EHPAD du Rôle ») : retirez-le-lui depuis la page de chaque dossier, puis changez son profil.`,
    });
    await expect(updateStaffMember(manager, ars.userId, { staffRole: "REVIEWER" }, null)).rejects.toMatchObject({ code: "INVALID_STATE" });
    const read = (id: string) =>
      testDb.user.findUniqueOrThrow({
        where: { id },
        select: { staffRole: true, reviewerRegions: { select: { regionCode: true } } },
      });
    expect(await read(ars.userId)).toEqual({ staffRole: "REGIONAL_REVIEWER", reviewerRegions: [{ regionCode: "44" }] });

    const free = await createReviewer(testDb, { role: "REGIONAL_REVIEWER", regions: ["84"] });
    await updateStaffMember(manager, free.userId, { staffRole: "PROGRAMME_MANAGER" }, null);
    expect(await read(free.userId)).toEqual({ staffRole: "PROGRAMME_MANAGER", reviewerRegions: [] });
  });
});
