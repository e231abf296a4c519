import { beforeEach, describe, expect, it } from "vitest";
import { resetDatabase, testDb } from "@/test/integration/database";
import { createReviewer, createUser, establishmentWithDirector, programmeManager } from "@/test/factories";
import { listStaff, STAFF_PAGE_SIZE, ZStaffFilters } from "./users";

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
});
