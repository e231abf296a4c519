import { beforeEach, describe, expect, it } from "vitest";
import { inviteUser, requireUsableInvitation } from "@/lib/identity/invitations";
import { openSession, resumeSessionUser } from "@/lib/identity/sessions";
import { getEstablishment } from "./queries";
import { createUser, establishmentWithDirector, programmeManager } from "@/test/factories";
import { resetDatabase, testDb } from "@/test/integration/database";
import { leaveTeam } from "./leave-team";
import { removeMember } from "./remove-member";

const tokenOf = (link: string) => new URL(link).pathname.split("/").at(-1)!;

describe("leaving an establishment's team oneself", () => {
  beforeEach(resetDatabase);

  it("lets a co-editor leave: their membership gone, their own act in the journal, the directors told, their session out at once", async () => {
    const { establishment, director } = await establishmentWithDirector(testDb, { name: "EHPAD Les Tilleuls" });
    const { viewer: secondDirector } = await createUser(testDb, { establishmentId: establishment.id, membershipRole: "DIRECTOR" });
    const { viewer: colleague } = await createUser(testDb, { establishmentId: establishment.id, membershipRole: "EDITOR" });
    const { viewer: leaving } = await createUser(testDb, {
      establishmentId: establishment.id,
      membershipRole: "EDITOR",
      name: "Paul Départ",
    });
    const sessionId = await openSession(leaving.userId, "PASSKEY", { ip: null, userAgent: null });
    const sent = await inviteUser(leaving, {
      purpose: "MEMBER",
      email: "lea.martin@test.fr",
      establishmentId: establishment.id,
      membershipRole: "EDITOR",
    });

    await leaveTeam(leaving, { establishmentId: establishment.id, ip: "192.0.2.7" });

    expect(await testDb.membership.count({ where: { establishmentId: establishment.id, userId: leaving.userId } })).toBe(0);
    expect(await testDb.membership.count({ where: { establishmentId: establishment.id } })).toBe(3);
    const journal = await testDb.auditEvent.findMany({
      where: { targetId: { in: [establishment.id, sent.invitationId] }, action: { not: "invitation.created" } },
      orderBy: { id: "asc" },
      select: { action: true, actorId: true, ip: true, details: true },
    });
    expect(journal).toEqual([
      {
        action: "membership.left",
        actorId: leaving.userId,
        ip: "192.0.2.7",
        details: { name: "Paul Départ", email: leaving.email, role: "EDITOR" },
      },
      {
        action: "invitation.cancelled",
        actorId: leaving.userId,
        ip: "192.0.2.7",
        details: { email: "lea.martin@test.fr", purpose: "MEMBER", establishmentId: establishment.id, cancelledBecause: "inviter-left" },
      },
    ]);
    await expect(requireUsableInvitation(tokenOf(sent.link))).rejects.toMatchObject({ code: "INVALID_STATE" });

    // Each director is told, no one else.
    const emails = await testDb.outboxEmail.findMany({
      where: { to: { in: [director.email, secondDirector.email, colleague.email, leaving.email] } },
      select: { to: true, subject: true, text: true },
    });
    expect(emails.map((email) => email.to).sort()).toEqual([director.email, secondDirector.email].sort());
    for (const email of emails) {
      expect(email.subject).toBe("HospiConnect\u00a0: Paul Départ a quitté l'équipe de «\u00a0EHPAD Les Tilleuls\u00a0»");
      expect(email.text).toContain(`/etablissements/${establishment.id}/membres`);
      expect(email.text).toContain("L'invitation qu'elle avait envoyée et qui était en attente est annulée.");
    }

    // The next request reads their rights again from the team: none left in this establishment.
    const session = await resumeSessionUser(sessionId);
    expect(session?.memberships).toEqual([]);
    await expect(getEstablishment({ ...leaving, memberships: session?.memberships ?? [] }, establishment.id)).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });

  it("lets a director who is not the only one leave, the other director told", async () => {
    const { establishment, director } = await establishmentWithDirector(testDb);
    const { viewer: leaving } = await createUser(testDb, { establishmentId: establishment.id, membershipRole: "DIRECTOR" });

    await leaveTeam(leaving, { establishmentId: establishment.id, ip: null });

    expect(await testDb.membership.findMany({ where: { establishmentId: establishment.id }, select: { userId: true } })).toEqual([
      { userId: director.userId },
    ]);
    expect(await testDb.outboxEmail.findMany({ where: { to: { in: [director.email, leaving.email] } }, select: { to: true } })).toEqual([
      { to: director.email },
    ]);
  });

  it("is what a member taking themself off the team does, by the removal's address as well", async () => {
    const { establishment, director } = await establishmentWithDirector(testDb);
    const { viewer: leaving } = await createUser(testDb, { establishmentId: establishment.id, membershipRole: "DIRECTOR" });

    await removeMember(leaving, { establishmentId: establishment.id, userId: leaving.userId, ip: null });

    expect(await testDb.membership.count({ where: { establishmentId: establishment.id, userId: leaving.userId } })).toBe(0);
    expect(await testDb.auditEvent.count({ where: { action: "membership.left", targetId: establishment.id } })).toBe(1);
    expect(await testDb.outboxEmail.count({ where: { to: director.email } })).toBe(1);
  });

  it("refuses the only director, saying what to do first, and writes nothing", async () => {
    const { establishment, director } = await establishmentWithDirector(testDb);
    await createUser(testDb, { establishmentId: establishment.id, membershipRole: "EDITOR" });
    const sent = await inviteUser(director, {
      purpose: "MEMBER",
      email: "paul.durand@test.fr",
      establishmentId: establishment.id,
      membershipRole: "EDITOR",
    });

    await expect(leaveTeam(director, { establishmentId: establishment.id, ip: null })).rejects.toMatchObject({
      code: "INVALID_STATE",
      message:
        "Vous êtes la seule personne à la direction de l'établissement : confiez d'abord la direction à la personne qui vous succède (« Passer à la direction » dans la liste de l'équipe, ou une invitation si elle n'en fait pas encore partie), puis quittez l'équipe.",
    });

    expect(await testDb.membership.count({ where: { establishmentId: establishment.id } })).toBe(2);
    expect(
      await testDb.auditEvent.count({
        where: { targetId: { in: [establishment.id, sent.invitationId] }, action: { in: ["membership.left", "invitation.cancelled"] } },
      }),
    ).toBe(0);
    expect(await testDb.outboxEmail.count({ where: { to: director.email } })).toBe(0);
    await expect(requireUsableInvitation(tokenOf(sent.link))).resolves.toMatchObject({ email: "paul.durand@test.fr" });
  });

  it("is for members only: a programme manager is told they are not on the team, a stranger does not learn of the establishment", async () => {
    const manager = await programmeManager(testDb);
    const { establishment } = await establishmentWithDirector(testDb);
    const stranger = await establishmentWithDirector(testDb);

    await expect(leaveTeam(manager, { establishmentId: establishment.id, ip: null })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(leaveTeam(stranger.director, { establishmentId: establishment.id, ip: null })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    expect(await testDb.membership.count({ where: { establishmentId: establishment.id } })).toBe(1);
    expect(await testDb.auditEvent.count({ where: { action: "membership.left", targetId: establishment.id } })).toBe(0);
  });
});
