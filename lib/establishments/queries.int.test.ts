import { describe, expect, it } from "vitest";
import { testDb } from "@/test/integration/database";
import { createEstablishment, createUser, programmeManager } from "@/test/factories";
import { listMyEstablishments } from "./queries";

describe("« Mes établissements »", () => {
  it("lists the establishments the viewer is a member of, by name, and for a programme manager only theirs", async () => {
    const zephyr = await createEstablishment(testDb, { name: "EHPAD Zéphyr" });
    const acacias = await createEstablishment(testDb, { name: "EHPAD Les Acacias" });
    await createEstablishment(testDb, { name: "Centre hospitalier voisin" });
    const { viewer: director } = await createUser(testDb, { establishmentId: zephyr.id });
    await testDb.membership.create({ data: { userId: director.userId, establishmentId: acacias.id, role: "DIRECTOR" } });
    const twoEstablishments = {
      ...director,
      memberships: [...director.memberships, { establishmentId: acacias.id, role: "DIRECTOR" as const }],
    };

    expect((await listMyEstablishments(twoEstablishments)).map((row) => row.name)).toEqual(["EHPAD Les Acacias", "EHPAD Zéphyr"]);
    // A programme manager may read every establishment, but is a member of none of them.
    expect(await listMyEstablishments(await programmeManager(testDb))).toEqual([]);
  });
});
