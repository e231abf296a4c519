import { beforeEach, describe, expect, it } from "vitest";
import { inviteUser } from "@/lib/identity/invitations";
import { openSession, resumeSessionUser } from "@/lib/identity/sessions";
import { createUser, establishmentWithDirector, programmeManager } from "@/test/factories";
import { resetDatabase, testDb } from "@/test/integration/database";
import { changeMemberRole, LAST_DIRECTOR_ROLE_MESSAGE } from "./change-member-role";
import { removeMember } from "./remove-member";
import { LAST_DIRECTOR_REMOVAL_MESSAGE } from "./team";

const rolesOf = (establishmentId: string) =>
  testDb.membership.findMany({ where: { establishmentId }, orderBy: { id: "asc" }, select: { userId: true, role: true } });

describe("changing the role of a member of an establishment's team", () => {
  beforeEach(resetDatabase);

  it("lets the director hand the direction to a co-editor, who then takes it back from them: audited, the person told", async () => {
    const { establishment, director } = await establishmentWithDirector(testDb, { name: "EHPAD Les Tilleuls" });
    const { viewer: successor } = await createUser(testDb, {
      establishmentId: establishment.id,
      membershipRole: "EDITOR",
      name: "Paul Suite",
    });

    await changeMemberRole(director, { establishmentId: establishment.id, userId: successor.userId, role: "DIRECTOR", ip: null });
    expect(await rolesOf(establishment.id)).toEqual([
      { userId: director.userId, role: "DIRECTOR" },
      { userId: successor.userId, role: "DIRECTOR" },
    ]);
    const audit = await testDb.auditEvent.findFirstOrThrow({ where: { action: "membership.role_changed", targetId: establishment.id } });
    expect(audit.details).toMatchObject({ name: "Paul Suite", email: successor.email, from: "EDITOR", to: "DIRECTOR" });
    const email = await testDb.outboxEmail.findFirstOrThrow({ where: { to: successor.email } });
    expect(email.subject).toBe(
      "HospiConnect\u00a0: votre rôle dans l'équipe de «\u00a0EHPAD Les Tilleuls\u00a0» est désormais «\u00a0Direction\u00a0»",
    );

    // The new director takes the former one's back (viewers are read again at each request).
    const successorNow = { ...successor, memberships: [{ establishmentId: establishment.id, role: "DIRECTOR" as const }] };
    await changeMemberRole(successorNow, { establishmentId: establishment.id, userId: director.userId, role: "EDITOR", ip: null });
    expect(await rolesOf(establishment.id)).toEqual([
      { userId: director.userId, role: "EDITOR" },
      { userId: successor.userId, role: "DIRECTOR" },
    ]);
    await expect(
      changeMemberRole(successorNow, { establishmentId: establishment.id, userId: director.userId, role: "EDITOR", ip: null }),
    ).rejects.toMatchObject({ code: "INVALID_STATE", message: "Cette personne a déjà le rôle « Co-rédaction »." });
  });

  it("cancels the invitations to the direction sent by a director who leaves it; those to co-editing stand", async () => {
    const { establishment, director } = await establishmentWithDirector(testDb);
    const { viewer: former } = await createUser(testDb, { establishmentId: establishment.id, membershipRole: "DIRECTOR" });
    const invite = (membershipRole: "DIRECTOR" | "EDITOR", email: string) =>
      inviteUser(former, { purpose: "MEMBER", email, establishmentId: establishment.id, membershipRole });
    const atDirection = await invite("DIRECTOR", "lea.martin@test.fr");
    const atEditing = await invite("EDITOR", "paul.durand@test.fr");

    await changeMemberRole(director, { establishmentId: establishment.id, userId: former.userId, role: "EDITOR", ip: null });

    const state = async (id: string) =>
      (await testDb.invitation.findUniqueOrThrow({ where: { id }, select: { cancelledById: true } })).cancelledById;
    expect([await state(atDirection.invitationId), await state(atEditing.invitationId)]).toEqual([director.userId, null]);
    const audit = await testDb.auditEvent.findFirstOrThrow({
      where: { action: "invitation.cancelled", targetId: atDirection.invitationId },
    });
    expect(audit.details).toMatchObject({ cancelledBecause: "inviter-demoted" });
  });

  it("lets a director who is not the only one leave the direction themself: their own act in the journal, their session a co-editor's at once", async () => {
    const { establishment, director } = await establishmentWithDirector(testDb);
    const { viewer: leaving } = await createUser(testDb, {
      establishmentId: establishment.id,
      membershipRole: "DIRECTOR",
      name: "Odile Départ",
    });
    const sessionId = await openSession(leaving.userId, "PASSKEY", { ip: null, userAgent: null });
    const invite = (membershipRole: "DIRECTOR" | "EDITOR", email: string) =>
      inviteUser(leaving, { purpose: "MEMBER", email, establishmentId: establishment.id, membershipRole });
    const atDirection = await invite("DIRECTOR", "lea.martin@test.fr");
    const atEditing = await invite("EDITOR", "paul.durand@test.fr");

    await changeMemberRole(leaving, { establishmentId: establishment.id, userId: leaving.userId, role: "EDITOR", ip: "192.0.2.7" });

    expect(await rolesOf(establishment.id)).toEqual([
      { userId: director.userId, role: "DIRECTOR" },
      { userId: leaving.userId, role: "EDITOR" },
    ]);
    const journal = await testDb.auditEvent.findMany({
      where: {
        targetId: { in: [establishment.id, atDirection.invitationId, atEditing.invitationId] },
        action: { not: "invitation.created" },
      },
      orderBy: { id: "asc" },
      select: { action: true, actorId: true, targetId: true, ip: true, details: true },
    });
    expect(journal).toEqual([
      {
        action: "membership.role_changed",
        actorId: leaving.userId,
        targetId: establishment.id,
        ip: "192.0.2.7",
        details: { name: "Odile Départ", email: leaving.email, from: "DIRECTOR", to: "EDITOR" },
      },
      {
        action: "invitation.cancelled",
        actorId: leaving.userId,
        targetId: atDirection.invitationId,
        ip: "192.0.2.7",
        details: { email: "lea.martin@test.fr", purpose: "MEMBER", establishmentId: establishment.id, cancelledBecause: "inviter-demoted" },
      },
    ]);
    // They know what they did: no e-mail to themself.
    expect(await testDb.outboxEmail.count({ where: { to: leaving.email } })).toBe(0);

    // The next request reads their rights again from the team: a co-editor's, refused the director's.
    const session = await resumeSessionUser(sessionId);
    expect(session?.memberships).toEqual([{ establishmentId: establishment.id, role: "EDITOR" }]);
    const now = { ...leaving, memberships: session?.memberships ?? [] };
    await expect(
      changeMemberRole(now, { establishmentId: establishment.id, userId: leaving.userId, role: "DIRECTOR", ip: null }),
    ).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: "Seule la direction de l'établissement peut changer le rôle d'une personne de l'équipe.",
    });
  });

  it("never leaves the establishment without a director, and its refusals point to the role change", async () => {
    const manager = await programmeManager(testDb);
    const { establishment, director } = await establishmentWithDirector(testDb);

    await expect(
      changeMemberRole(manager, { establishmentId: establishment.id, userId: director.userId, role: "EDITOR", ip: null }),
    ).rejects.toMatchObject({ code: "INVALID_STATE", message: LAST_DIRECTOR_ROLE_MESSAGE });
    expect(LAST_DIRECTOR_ROLE_MESSAGE).toBe(
      "C'est la seule personne à la direction de l'établissement : confiez d'abord la direction à la personne qui lui succède (« Passer à la direction » dans la liste de l'équipe, ou une invitation si elle n'en fait pas encore partie), puis changez son rôle.",
    );
    expect(LAST_DIRECTOR_REMOVAL_MESSAGE).toContain("« Passer à la direction » dans la liste de l'équipe");
    // Said to the director themself, in the second person.
    await expect(
      changeMemberRole(director, { establishmentId: establishment.id, userId: director.userId, role: "EDITOR", ip: null }),
    ).rejects.toMatchObject({
      code: "INVALID_STATE",
      message:
        "Vous êtes la seule personne à la direction de l'établissement : confiez d'abord la direction à la personne qui vous succède (« Passer à la direction » dans la liste de l'équipe, ou une invitation si elle n'en fait pas encore partie), puis changez votre rôle.",
    });
    expect(await rolesOf(establishment.id)).toEqual([{ userId: director.userId, role: "DIRECTOR" }]);
  });

  it("leaves one director when two directors demote each other at the same time", async () => {
    const pairs = await Promise.all(
      Array.from({ length: 5 }, async () => {
        const { establishment, director } = await establishmentWithDirector(testDb);
        const { viewer: other } = await createUser(testDb, { establishmentId: establishment.id, membershipRole: "DIRECTOR" });
        return { establishmentId: establishment.id, director, other };
      }),
    );
    await Promise.allSettled(
      pairs.flatMap(({ establishmentId, director, other }) => [
        changeMemberRole(director, { establishmentId, userId: other.userId, role: "EDITOR", ip: null }),
        changeMemberRole(other, { establishmentId, userId: director.userId, role: "EDITOR", ip: null }),
        removeMember(other, { establishmentId, userId: director.userId, ip: null }),
      ]),
    );
    const directors = await testDb.membership.groupBy({
      by: ["establishmentId"],
      where: { establishmentId: { in: pairs.map((pair) => pair.establishmentId) }, role: "DIRECTOR" },
      _count: true,
    });
    expect(directors.map((row) => row._count)).toEqual(pairs.map(() => 1));
  });

  it("is for the director and programme managers: a co-editor is refused, another establishment's member learns nothing of it", async () => {
    const { establishment, director } = await establishmentWithDirector(testDb);
    const { viewer: editor } = await createUser(testDb, { establishmentId: establishment.id, membershipRole: "EDITOR" });
    const stranger = await establishmentWithDirector(testDb);

    await expect(
      changeMemberRole(editor, { establishmentId: establishment.id, userId: editor.userId, role: "DIRECTOR", ip: null }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      changeMemberRole(stranger.director, { establishmentId: establishment.id, userId: editor.userId, role: "DIRECTOR", ip: null }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    // A member of another establishment, named in this one's address: not found, nothing changed.
    await expect(
      changeMemberRole(director, { establishmentId: establishment.id, userId: stranger.director.userId, role: "EDITOR", ip: null }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await rolesOf(establishment.id)).toEqual([
      { userId: director.userId, role: "DIRECTOR" },
      { userId: editor.userId, role: "EDITOR" },
    ]);
    expect(await rolesOf(stranger.establishment.id)).toEqual([{ userId: stranger.director.userId, role: "DIRECTOR" }]);
  });

  it("tells whoever invites a co-editor at the direction to change their role instead", async () => {
    const { establishment, director } = await establishmentWithDirector(testDb);
    const { viewer: editor } = await createUser(testDb, { establishmentId: establishment.id, membershipRole: "EDITOR" });
    const message =
      "Cette adresse est celle d'un membre de l'équipe, en co-rédaction : il n'a pas besoin d'invitation. Pour lui confier la direction, utilisez « Passer à la direction » dans la liste de l'équipe.";
    await expect(
      inviteUser(director, { purpose: "MEMBER", email: editor.email, establishmentId: establishment.id, membershipRole: "DIRECTOR" }),
    ).rejects.toMatchObject({ code: "INVALID_INPUT", fieldErrors: { email: [message] } });
  });
});
