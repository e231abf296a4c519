import { beforeEach, describe, expect, it } from "vitest";
import { resetDatabase, testDb } from "@/test/integration/database";
import { establishmentWithDirector, insertRoster, ROSTER_CASES } from "@/test/factories";
import { listProfessionals, ZRosterFilters } from "./list-professionals";

describe("the roster's search", () => {
  beforeEach(resetDatabase);

  it("finds a professional by the words of their name in any order, whatever the accents and capitals", async () => {
    const { establishment, director } = await establishmentWithDirector(testDb);
    const [template] = ROSTER_CASES;
    const [helene] = await insertRoster(
      testDb,
      establishment.id,
      [
        { ...template!, rpps: null, rppsStatus: "NOT_REGISTERED", lastName: "LEFÈVRE-D’ORNANO", firstName: "Hélène" },
        { ...template!, rpps: null, rppsStatus: "NOT_REGISTERED", lastName: "Lefebvre", firstName: "Noël" },
        { ...template!, rpps: null, rppsStatus: "NOT_REGISTERED", lastName: "Œuvray", firstName: "Anaïs" },
      ],
      false,
    );
    const found = async (q: string) =>
      (await listProfessionals(director, establishment.id, ZRosterFilters.parse({ q }))).rows.map((row) => row.lastName).sort();

    expect(await found("helene lefevre")).toEqual(["LEFÈVRE-D’ORNANO"]);
    expect(await found("LEFEVRE hélène")).toEqual(["LEFÈVRE-D’ORNANO"]);
    expect(await found("d'ornano")).toEqual(["LEFÈVRE-D’ORNANO"]);
    expect(await found("oeuvray anais")).toEqual(["Œuvray"]);
    expect(await found("noel")).toEqual(["Lefebvre"]);
    expect(await found("lef")).toEqual(["LEFÈVRE-D’ORNANO", "Lefebvre"]);
    expect(await found("helene noel")).toEqual([]);

    await testDb.professional.update({ where: { id: helene }, data: { lastName: "Müller" } });
    expect(await found("helene muller")).toEqual(["Müller"]);
    expect(await found("lefevre")).toEqual([]);
  });
});
