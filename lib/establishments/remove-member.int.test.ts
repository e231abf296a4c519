import { beforeEach, describe, expect, it } from "vitest";
import { cancelInvitation } from "@/lib/identity/cancel-invitation";
import { inviteUser, requireUsableInvitation } from "@/lib/identity/invitations";
import { createUser, establishmentWithDirector, programmeManager } from "@/test/factories";
import { resetDatabase, testDb } from "@/test/integration/database";
import { removeMember } from "./remove-member";
import { LAST_DIRECTOR_REMOVAL_MESSAGE } from "./team";

describe("taking a person off an establishment's team", () => {
  beforeEach(resetDatabase);

  it("lets the director remove a colleague who left: audited, and the colleague is told", async () => {
    const { establishment, director } = await establishmentWithDirector(testDb, { name: "EHPAD Les Tilleuls" });
    const { id: editorId, viewer: editor } = await createUser(testDb, {
      establishmentId: establishment.id,
      membershipRole: "EDITOR",
      name: "Paul Départ",
    });

    await removeMember(director, { establishmentId: establishment.id, userId: editorId, ip: null });

    expect(await testDb.membership.count({ where: { establishmentId: establishment.id, userId: editorId } })).toBe(0);
    const audit = await testDb.auditEvent.findFirstOrThrow({ where: { action: "membership.removed", targetId: establishment.id } });
    expect(audit.details).toMatchObject({ name: "Paul Départ", email: editor.email, role: "EDITOR" });
    const email = await testDb.outboxEmail.findFirstOrThrow({ where: { to: editor.email } });
    expect(email.subject).toBe("HospiConnect\u00a0: vous ne faites plus partie de l'équipe de «\u00a0EHPAD Les Tilleuls\u00a0»");
  });

  it("cancels the invitations the removed person sent for the establishment, each audited; others' stay usable", async () => {
    const { establishment, director } = await establishmentWithDirector(testDb, { name: "EHPAD Les Tilleuls" });
    const other = await establishmentWithDirector(testDb);
    const { viewer: leaving } = await createUser(testDb, { establishmentId: establishment.id, membershipRole: "DIRECTOR" });
    await testDb.membership.create({ data: { userId: leaving.userId, establishmentId: other.establishment.id, role: "EDITOR" } });
    const invite = (inviter: typeof director, establishmentId: string, email: string) =>
      inviteUser(inviter, { purpose: "MEMBER", email, establishmentId, membershipRole: "EDITOR" });
    const leavingAsMember = {
      ...leaving,
      memberships: [...leaving.memberships, { establishmentId: other.establishment.id, role: "EDITOR" as const }],
    };
    const sentByLeaving = await invite(leavingAsMember, establishment.id, "lea.martin@test.fr");
    const sentElsewhere = await invite(leavingAsMember, other.establishment.id, "paul.durand@test.fr");
    const sentByDirector = await invite(director, establishment.id, "jean.roux@test.fr");

    await removeMember(director, { establishmentId: establishment.id, userId: leaving.userId, ip: null });

    const tokenOf = (link: string) => new URL(link).pathname.split("/").at(-1)!;
    await expect(requireUsableInvitation(tokenOf(sentByLeaving.link))).rejects.toMatchObject({
      code: "INVALID_STATE",
      message: expect.stringContaining("annulée par l'équipe de l'établissement «\u00a0EHPAD Les Tilleuls\u00a0»"),
    });
    await expect(requireUsableInvitation(tokenOf(sentByDirector.link))).resolves.toMatchObject({ email: "jean.roux@test.fr" });
    // Still a member there: what they sent for the other establishment stands.
    await expect(requireUsableInvitation(tokenOf(sentElsewhere.link))).resolves.toMatchObject({ email: "paul.durand@test.fr" });
    const audits = await testDb.auditEvent.findMany({
      // The audit log is append-only: entries of earlier tests stay, so only this test's invitations are read.
      where: {
        action: "invitation.cancelled",
        targetId: { in: [sentByLeaving.invitationId, sentElsewhere.invitationId, sentByDirector.invitationId] },
      },
      select: { actorId: true, targetId: true, details: true },
    });
    expect(audits).toEqual([
      {
        actorId: director.userId,
        targetId: sentByLeaving.invitationId,
        details: { email: "lea.martin@test.fr", purpose: "MEMBER", establishmentId: establishment.id, cancelledBecause: "inviter-removed" },
      },
    ]);
  });

  it("keeps a director: the only one cannot be removed, one of two can", async () => {
    const manager = await programmeManager(testDb);
    const { establishment, director } = await establishmentWithDirector(testDb);

    await expect(removeMember(manager, { establishmentId: establishment.id, userId: director.userId, ip: null })).rejects.toMatchObject({
      code: "INVALID_STATE",
      message: LAST_DIRECTOR_REMOVAL_MESSAGE,
    });
    // Said to the director themself, in the second person: taking oneself off is leaving the team.
    await expect(removeMember(director, { establishmentId: establishment.id, userId: director.userId, ip: null })).rejects.toMatchObject({
      code: "INVALID_STATE",
      message:
        "Vous êtes la seule personne à la direction de l'établissement : confiez d'abord la direction à la personne qui vous succède (« Passer à la direction » dans la liste de l'équipe, ou une invitation si elle n'en fait pas encore partie), puis quittez l'équipe.",
    });
    const { id: successorId } = await createUser(testDb, { establishmentId: establishment.id, membershipRole: "DIRECTOR" });
    await removeMember(manager, { establishmentId: establishment.id, userId: director.userId, ip: null });
    expect(await testDb.membership.findMany({ where: { establishmentId: establishment.id }, select: { userId: true } })).toEqual([
      { userId: successorId },
    ]);
  });

  it("leaves one director when two directors remove each other at the same time", async () => {
    // Ten establishments, each with two directors removing each other at once: a race, not a sequence.
    const pairs = await Promise.all(
      Array.from({ length: 10 }, async () => {
        const { establishment, director } = await establishmentWithDirector(testDb);
        const { viewer: other } = await createUser(testDb, { establishmentId: establishment.id, membershipRole: "DIRECTOR" });
        return { establishmentId: establishment.id, director, other };
      }),
    );

    await Promise.allSettled(
      pairs.flatMap(({ establishmentId, director, other }) => [
        removeMember(director, { establishmentId, userId: other.userId, ip: null }),
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

  it("is for the director and programme managers: a co-editor is refused, a stranger does not learn of the establishment", async () => {
    const { establishment, director } = await establishmentWithDirector(testDb);
    const { viewer: editor } = await createUser(testDb, { establishmentId: establishment.id, membershipRole: "EDITOR" });
    const stranger = await establishmentWithDirector(testDb);

    await expect(removeMember(editor, { establishmentId: establishment.id, userId: director.userId, ip: null })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(
      removeMember(stranger.director, { establishmentId: establishment.id, userId: editor.userId, ip: null }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await testDb.membership.count({ where: { establishmentId: establishment.id } })).toBe(2);
  });

  it("says that someone who never was on the team is not on it, and one removed meanwhile neither", async () => {
    const { establishment, director } = await establishmentWithDirector(testDb);
    const elsewhere = await establishmentWithDirector(testDb);
    const { id: editorId } = await createUser(testDb, { establishmentId: establishment.id, membershipRole: "EDITOR" });
    const notOnTheTeam = { code: "NOT_FOUND", message: "Cette personne ne fait pas partie de l'équipe." };

    await expect(
      removeMember(director, { establishmentId: establishment.id, userId: elsewhere.director.userId, ip: null }),
    ).rejects.toMatchObject(notOnTheTeam);
    await removeMember(director, { establishmentId: establishment.id, userId: editorId, ip: null });
    await expect(removeMember(director, { establishmentId: establishment.id, userId: editorId, ip: null })).rejects.toMatchObject(
      notOnTheTeam,
    );
  });
});

describe("cancelling a pending invitation", () => {
  beforeEach(resetDatabase);

  it("stops its link, which then says so; only once, and only by whoever may send it", async () => {
    const { establishment, director } = await establishmentWithDirector(testDb);
    const { viewer: editor } = await createUser(testDb, { establishmentId: establishment.id, membershipRole: "EDITOR" });
    const atDirection = await inviteUser(director, {
      purpose: "MEMBER",
      email: "nouvelle.direction@test.fr",
      establishmentId: establishment.id,
      membershipRole: "DIRECTOR",
    });
    const token = new URL(atDirection.link).pathname.split("/").at(-1)!;

    // A co-editor may not invite at the direction, nor cancel such an invitation.
    await expect(cancelInvitation(editor, atDirection.invitationId, null)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await cancelInvitation(director, atDirection.invitationId, null);

    await expect(requireUsableInvitation(token)).rejects.toMatchObject({
      code: "INVALID_STATE",
      message:
        "Cette invitation a été annulée par la personne qui vous l'avait envoyée. Si vous pensez que c'est une erreur, demandez-lui une nouvelle invitation.",
    });
    expect(await testDb.invitation.findUniqueOrThrow({ where: { id: atDirection.invitationId }, select: { cancelledById: true } })).toEqual(
      {
        cancelledById: director.userId,
      },
    );
    await expect(cancelInvitation(director, atDirection.invitationId, null)).rejects.toMatchObject({ code: "INVALID_STATE" });
    const audits = await testDb.auditEvent.findMany({ where: { action: "invitation.cancelled", targetId: atDirection.invitationId } });
    expect(audits.map((audit) => audit.details)).toEqual([
      { email: "nouvelle.direction@test.fr", purpose: "MEMBER", establishmentId: establishment.id },
    ]);
  });

  it("says who cancelled it: the programme's team rather than the director who sent it", async () => {
    const manager = await programmeManager(testDb);
    const { establishment, director } = await establishmentWithDirector(testDb, { name: "EHPAD Les Tilleuls" });
    const sent = await inviteUser(director, {
      purpose: "MEMBER",
      email: "adjoint@test.fr",
      establishmentId: establishment.id,
      membershipRole: "EDITOR",
    });
    const token = new URL(sent.link).pathname.split("/").at(-1)!;

    await cancelInvitation(manager, sent.invitationId, null);

    await expect(requireUsableInvitation(token)).rejects.toMatchObject({
      code: "INVALID_STATE",
      message:
        "Cette invitation a été annulée par l'équipe HospiConnect de l'ANS, et non par la personne qui vous l'avait envoyée. Si vous pensez que c'est une erreur, parlez-en à cette personne : elle peut s'adresser à l'équipe HospiConnect.",
    });
  });
});
