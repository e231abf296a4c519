import { beforeEach, describe, expect, it } from "vitest";
import { establishmentWithDirector } from "@/test/factories";
import { resetDatabase, testDb } from "@/test/integration/database";
import { ZEstablishmentProfileInput } from "./profile-schema";
import { updateEstablishmentProfile } from "./update-profile";

async function profileOf(establishmentId: string) {
  const row = await testDb.establishment.findUniqueOrThrow({ where: { id: establishmentId } });
  return ZEstablishmentProfileInput.parse({
    name: row.name,
    finessEt: row.finessEt,
    finessEj: row.finessEj,
    siret: "",
    categoryCode: row.categoryCode,
    departmentCode: row.departmentCode,
    city: row.city,
    headcount: String(row.headcount),
    ght: "",
    usesAirSimplifie: false,
    idpFederatedWithPsc: false,
    contacts: [],
  });
}

describe("a director edits the establishment's FINESS numbers", () => {
  beforeEach(resetDatabase);

  it("refuses another registered establishment's legal entity FINESS (EJ) as the site's (ET), and its site FINESS as the EJ, naming it", async () => {
    const other = await establishmentWithDirector(testDb, { name: "Centre hospitalier des Deux-Rives" });
    const { establishment, director } = await establishmentWithDirector(testDb);
    const profile = await profileOf(establishment.id);

    await expect(
      updateEstablishmentProfile(director, {
        establishmentId: establishment.id,
        expectedVersion: 1,
        profile: { ...profile, finessEt: other.establishment.finessEj },
        ip: null,
      }),
    ).rejects.toMatchObject({
      code: "CONFLICT",
      fieldErrors: {
        finessEt: [
          `Le numéro FINESS ${other.establishment.finessEj} est celui de l'entité juridique (EJ) de l'établissement « Centre hospitalier des Deux-Rives », déjà inscrit : saisissez ici le numéro FINESS du site (ET).`,
        ],
      },
    });
    await expect(
      updateEstablishmentProfile(director, {
        establishmentId: establishment.id,
        expectedVersion: 1,
        profile: { ...profile, finessEj: other.establishment.finessEt },
        ip: null,
      }),
    ).rejects.toMatchObject({
      code: "CONFLICT",
      fieldErrors: { finessEj: [expect.stringContaining("« Centre hospitalier des Deux-Rives »")] },
    });
    expect((await testDb.establishment.findUniqueOrThrow({ where: { id: establishment.id } })).finessEt).toBe(establishment.finessEt);

    // Its own numbers, and the EJ of a sister site, stay accepted.
    await updateEstablishmentProfile(director, {
      establishmentId: establishment.id,
      expectedVersion: 1,
      profile: { ...profile, finessEj: other.establishment.finessEj },
      ip: null,
    });
  });
});
