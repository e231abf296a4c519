import { beforeEach, describe, expect, it } from "vitest";
import { establishmentWithDirector } from "@/test/factories";
import { resetDatabase, testDb } from "@/test/integration/database";
import { computeEstablishmentIndicators } from "@/lib/roster/establishment-indicators";
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
    entitlementProcedureInForce: false,
    entitlementProcedureAdoptedOn: "",
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

describe("a director declares the establishment's entitlement procedure", () => {
  beforeEach(resetDatabase);

  it("stores its day of adoption, which objective 1 then reads, and audits each change of it", async () => {
    const { establishment, director } = await establishmentWithDirector(testDb);
    const profile = await profileOf(establishment.id);
    const save = (expectedVersion: number, procedure: Partial<typeof profile>) =>
      updateEstablishmentProfile(director, {
        establishmentId: establishment.id,
        expectedVersion,
        profile: { ...profile, ...procedure },
        ip: null,
      });
    const adoptedOn = async () =>
      (await testDb.establishment.findUniqueOrThrow({ where: { id: establishment.id } })).entitlementProcedureAdoptedOn;
    const audited = async () =>
      (
        await testDb.auditEvent.findMany({
          where: { action: "establishment.updated", targetId: establishment.id },
          orderBy: { id: "asc" },
        })
      ).map((event) => (event.details as { entitlementProcedureAdoptedOn?: unknown }).entitlementProcedureAdoptedOn);

    await save(1, { entitlementProcedureInForce: true, entitlementProcedureAdoptedOn: "2026-03-01" });
    expect(await adoptedOn()).toEqual(new Date("2026-03-01T00:00:00Z"));
    expect((await computeEstablishmentIndicators(testDb, establishment.id, "2026-03-01"))?.objective1.entitlementProcedureDeclared).toBe(
      true,
    );
    expect((await computeEstablishmentIndicators(testDb, establishment.id, "2026-02-28"))?.objective1.entitlementProcedureDeclared).toBe(
      false,
    );
    // The day's figures follow at once, as after a homologation.
    const snapshot = await testDb.indicatorSnapshot.findFirstOrThrow({ where: { establishmentId: establishment.id, reason: "CHANGE" } });
    expect(snapshot.breakdown).toMatchObject({ objective1: { entitlementProcedureDeclared: true } });

    // Saving the profile again changes nothing of it; the day left in the hidden field is not kept.
    await save(2, { entitlementProcedureInForce: true, entitlementProcedureAdoptedOn: "2026-03-01" });
    await save(3, { entitlementProcedureInForce: false, entitlementProcedureAdoptedOn: "2026-03-01" });
    expect(await adoptedOn()).toBeNull();
    expect(await audited()).toEqual([{ from: null, to: "2026-03-01" }, undefined, { from: "2026-03-01", to: null }]);
  });
});
