import { beforeEach, describe, expect, it } from "vitest";
import { withFinessKey } from "@/lib/identifiers/finess";
import { acceptInvitationWithAccount } from "@/lib/identity/accept-invitation-with-account";
import { inviteUser } from "@/lib/identity/invitations";
import { resetDatabase, testDb } from "@/test/integration/database";
import { createUser, establishmentWithDirector, programmeManager } from "@/test/factories";
import { listEstablishments } from "./list-establishments";
import { registerEstablishment } from "./register-establishment";
import type { TEstablishmentRegistrationInput } from "./registration-schema";

function registration(overrides: Partial<TEstablishmentRegistrationInput> = {}): TEstablishmentRegistrationInput {
  return {
    name: "EHPAD Les Glycines",
    finessEt: withFinessKey("86000412"),
    finessEj: withFinessKey("86000413"),
    siret: "",
    categoryCode: "500",
    departmentCode: "86",
    city: "Poitiers",
    headcount: 42,
    directorEmail: "direction@glycines.test",
    ...overrides,
  };
}

describe("a programme manager registers a candidate establishment", () => {
  beforeEach(resetDatabase);

  it("writes the establishment and invites its director, who joins it at the direction with the e-mailed link", async () => {
    const manager = await programmeManager(testDb);
    const { establishmentId } = await registerEstablishment(manager, registration(), "192.0.2.7");

    const establishment = await testDb.establishment.findUniqueOrThrow({ where: { id: establishmentId } });
    // The region follows from the department (86, Vienne: Nouvelle-Aquitaine); an empty SIRET is none.
    expect([establishment.name, establishment.regionCode, establishment.siret, establishment.headcount]).toEqual([
      "EHPAD Les Glycines",
      "75",
      null,
      42,
    ]);
    const invitation = await testDb.invitation.findFirstOrThrow({ where: { establishmentId } });
    expect([invitation.email, invitation.membershipRole, invitation.usedAt]).toEqual(["direction@glycines.test", "DIRECTOR", null]);
    const email = await testDb.outboxEmail.findUniqueOrThrow({ where: { dedupeKey: `invitation:${invitation.id}` } });
    expect(email.to).toBe("direction@glycines.test");
    expect(email.text).toContain("en tant que membre de «\u00a0EHPAD Les Glycines\u00a0», avec le rôle «\u00a0Direction\u00a0».");
    const audit = await testDb.auditEvent.findFirstOrThrow({ where: { action: "establishment.registered", targetId: establishmentId } });
    expect(audit.details).toMatchObject({ finessEt: registration().finessEt, directorEmail: "direction@glycines.test" });

    const { viewer: director } = await createUser(testDb, { name: "Nadia Roux" });
    await testDb.user.update({ where: { id: director.userId }, data: { email: "direction@glycines.test" } });
    const token = /\/invitation\/(\S+)/.exec(email.text)![1]!;
    await acceptInvitationWithAccount({ ...director, email: "direction@glycines.test" }, { token, ip: null });
    expect(await testDb.membership.findMany({ where: { establishmentId }, select: { userId: true, role: true } })).toEqual([
      { userId: director.userId, role: "DIRECTOR" },
    ]);
  });

  it("refuses an establishment already registered, naming it, and writes nothing", async () => {
    const manager = await programmeManager(testDb);
    const { establishment } = await establishmentWithDirector(testDb, { departmentCode: "79" });

    await expect(
      registerEstablishment(manager, registration({ finessEt: establishment.finessEt, departmentCode: "79" }), null),
    ).rejects.toMatchObject({
      code: "CONFLICT",
      fieldErrors: {
        finessEt: [
          `L'établissement FINESS ${establishment.finessEt} est déjà inscrit : « ${establishment.name} ». Invitez sa direction depuis la page de son équipe.`,
        ],
      },
    });
    expect(await testDb.establishment.count()).toBe(1);
    expect(await testDb.invitation.count()).toBe(0);
  });

  it("refuses as the site's FINESS (ET) the legal entity's (EJ) of an establishment registered, naming it, and writes nothing", async () => {
    const manager = await programmeManager(testDb);
    const { establishment } = await establishmentWithDirector(testDb, { name: "Centre hospitalier des Deux-Rives", departmentCode: "86" });

    await expect(registerEstablishment(manager, registration({ finessEt: establishment.finessEj }), null)).rejects.toMatchObject({
      code: "CONFLICT",
      fieldErrors: {
        finessEt: [
          `Le numéro FINESS ${establishment.finessEj} est celui de l'entité juridique (EJ) de l'établissement « Centre hospitalier des Deux-Rives », déjà inscrit : saisissez ici le numéro FINESS du site (ET).`,
        ],
      },
    });
    // The mirror mistake: a registered site's FINESS given as the legal entity's.
    await expect(registerEstablishment(manager, registration({ finessEj: establishment.finessEt }), null)).rejects.toMatchObject({
      code: "CONFLICT",
      fieldErrors: {
        finessEj: [
          `Le numéro FINESS ${establishment.finessEt} est celui de l'établissement (ET) « Centre hospitalier des Deux-Rives », déjà inscrit : saisissez ici le numéro FINESS de l'entité juridique (EJ).`,
        ],
      },
    });
    expect([await testDb.establishment.count(), await testDb.invitation.count(), await testDb.outboxEmail.count()]).toEqual([1, 0, 0]);

    // Another site of the same legal entity shares its EJ.
    await registerEstablishment(manager, registration({ finessEj: establishment.finessEj }), null);
    expect(await testDb.establishment.count({ where: { finessEj: establishment.finessEj } })).toBe(2);
  });

  it("refuses a category the nomenclature does not have, on its field", async () => {
    const manager = await programmeManager(testDb);
    await expect(registerEstablishment(manager, registration({ categoryCode: "999" }), null)).rejects.toMatchObject({
      code: "INVALID_INPUT",
      fieldErrors: { categoryCode: ["Choisissez une catégorie de la liste."] },
    });
    expect(await testDb.establishment.count()).toBe(0);
  });

  it("refuses a director's address that is an ANS or ARS account, on its field, and writes nothing", async () => {
    const manager = await programmeManager(testDb);
    const { email } = await createUser(testDb, { staffRole: "REGIONAL_REVIEWER", regions: ["75"] });
    const message =
      "Cette adresse est celle d'un compte de l'ANS ou d'une ARS : il ne peut pas être membre d'un établissement candidat (conflit d'intérêts). Invitez la personne à son adresse dans l'établissement.";
    await expect(registerEstablishment(manager, registration({ directorEmail: email }), null)).rejects.toMatchObject({
      code: "INVALID_INPUT",
      fieldErrors: { directorEmail: [message] },
    });
    expect([await testDb.establishment.count(), await testDb.invitation.count(), await testDb.outboxEmail.count()]).toEqual([0, 0, 0]);
  });

  it("refuses a director's address already invited as ANS or ARS staff, on its field, and writes nothing", async () => {
    const manager = await programmeManager(testDb);
    await inviteUser(manager, { purpose: "STAFF", email: "nouvel.instructeur@test.fr", staffRole: "REVIEWER" });
    await expect(registerEstablishment(manager, registration({ directorEmail: "nouvel.instructeur@test.fr" }), null)).rejects.toMatchObject(
      {
        code: "INVALID_INPUT",
        fieldErrors: { directorEmail: [expect.stringContaining("déjà invitée à rejoindre l'ANS ou une ARS")] },
      },
    );
    expect([await testDb.establishment.count(), await testDb.invitation.count({ where: { purpose: "MEMBER" } })]).toEqual([0, 0]);
  });

  it("is for programme managers only: a director may not register an establishment", async () => {
    const { director } = await establishmentWithDirector(testDb);
    await expect(registerEstablishment(director, registration(), null)).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await testDb.invitation.count()).toBe(0);
  });
});

describe("the programme's establishment list", () => {
  beforeEach(resetDatabase);

  it("finds an establishment by its name without accents or by its FINESS, with who can act for it", async () => {
    const manager = await programmeManager(testDb);
    const { establishmentId } = await registerEstablishment(manager, registration({ name: "Résidence Hélène Boucher" }), null);
    const withTeam = await establishmentWithDirector(testDb, { name: "EHPAD Les Tilleuls" });

    const byName = await listEstablishments(manager, { search: "helene residence", page: 1 });
    expect(byName.rows.map((row) => [row.id, row._count])).toEqual([
      [establishmentId, { memberships: 0, applications: 0, invitations: 1 }],
    ]);
    const byFiness = await listEstablishments(manager, { search: withTeam.establishment.finessEt, page: 1 });
    expect(byFiness.rows.map((row) => [row.name, row._count.memberships])).toEqual([["EHPAD Les Tilleuls", 1]]);
    // Typed in groups, as the registration form accepts it, or with dots.
    const finess = withTeam.establishment.finessEt;
    for (const search of [
      `${finess.slice(0, 3)} ${finess.slice(3, 6)} ${finess.slice(6)}`,
      `${finess.slice(0, 2)}.${finess.slice(2, 6)}`,
    ]) {
      expect(
        (await listEstablishments(manager, { search, page: 1 })).rows.map((row) => row.name),
        search,
      ).toEqual(["EHPAD Les Tilleuls"]);
    }
    expect((await listEstablishments(manager, { search: " . ", page: 1 })).total).toBe(0);
    expect((await listEstablishments(manager, { search: undefined, page: 1 })).total).toBe(2);

    await expect(listEstablishments(withTeam.director, { search: undefined, page: 1 })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
