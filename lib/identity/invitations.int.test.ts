import { beforeEach, describe, expect, it } from "vitest";
import { resetDatabase, testDb } from "@/test/integration/database";
import { acceptInvitationWithAccount } from "./accept-invitation-with-account";
import { cancelInvitation } from "./cancel-invitation";
import { inviteStaffFromCommandLine, inviteUser, requireInvitationForNewAccount } from "./invitations";
import type { Viewer } from "@/lib/access/viewer";
import { assignReviewer } from "@/lib/review/assign-reviewer";
import {
  createReviewer,
  createReviewWave,
  createSubmittedDossier,
  createUser,
  establishmentWithDirector,
  programmeManager,
} from "@/test/factories";

/** Invitations never tell the inviter whether an address already has an account. */
describe("inviting an address", () => {
  beforeEach(resetDatabase);

  async function invite(email: string) {
    const { establishment, director } = await establishmentWithDirector(testDb);
    const result = await inviteUser(director, { purpose: "MEMBER", email, establishmentId: establishment.id, membershipRole: "EDITOR" });
    const invitation = await testDb.invitation.findUniqueOrThrow({ where: { id: result.invitationId } });
    const email_ = await testDb.outboxEmail.findUniqueOrThrow({ where: { dedupeKey: `invitation:${result.invitationId}` } });
    return { establishment, result, invitation, email: email_, token: new URL(result.link).pathname.split("/").at(-1)! };
  }

  it("answers an address that has an account like any other, and e-mails it how to accept with that account", async () => {
    const existing = await establishmentWithDirector(testDb);
    const fresh = await invite("nouvelle.personne@test.fr");
    const known = await invite(existing.director.email.toUpperCase());

    // Same answer, same pending invitation: nothing to tell the two apart from the inviter's side.
    expect(Object.keys(known.result).sort()).toEqual(Object.keys(fresh.result).sort());
    expect([known.invitation.usedAt, known.invitation.purpose]).toEqual([null, "MEMBER"]);
    expect(known.email.subject).toBe(fresh.email.subject);

    expect(fresh.email.text).toContain("Pour activer votre compte");
    // The role chosen, as the team page names it.
    for (const { email, establishment } of [fresh, known])
      expect(email.text).toContain(`en tant que membre de «\u00a0${establishment.name}\u00a0», avec le rôle «\u00a0Co-rédaction\u00a0».`);
    expect(known.email.text).toContain("Un compte HospiConnect existe déjà pour cette adresse");
    expect(known.email.text).toContain("/connexion");
    expect(known.email.text).toContain(known.result.link);

    // The link cannot create a second account (a new key through the link would open the existing one).
    await expect(requireInvitationForNewAccount(known.token)).rejects.toMatchObject({ code: "INVALID_STATE" });
    await expect(requireInvitationForNewAccount(fresh.token)).resolves.toMatchObject({ email: "nouvelle.personne@test.fr" });
  });

  it("lets the account, signed in, join the establishment with the link; another account may not", async () => {
    const existing = await establishmentWithDirector(testDb);
    const known = await invite(existing.director.email);
    const stranger = await programmeManager(testDb);

    await expect(acceptInvitationWithAccount(stranger, { token: known.token, ip: null })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(acceptInvitationWithAccount(existing.director, { token: known.token, ip: null })).resolves.toEqual({
      establishmentId: known.establishment.id,
    });
    const memberships = await testDb.membership.findMany({
      where: { userId: existing.director.userId },
      select: { establishmentId: true, role: true },
    });
    expect(memberships).toContainEqual({ establishmentId: known.establishment.id, role: "EDITOR" });
    // Single use.
    await expect(acceptInvitationWithAccount(existing.director, { token: known.token, ip: null })).rejects.toMatchObject({
      code: "INVALID_STATE",
    });
  });

  it("replaces a pending invitation of the same address and purpose: only the newest link works", async () => {
    const manager = await programmeManager(testDb);
    const { establishment, director } = await establishmentWithDirector(testDb);
    const tokenOf = (link: string) => new URL(link).pathname.split("/").at(-1)!;
    const other = await establishmentWithDirector(testDb);
    const asArs = await inviteUser(manager, { purpose: "STAFF", email: "Agent@Test.fr", staffRole: "REGIONAL_REVIEWER" });
    const colleague = await inviteUser(director, {
      purpose: "MEMBER",
      email: "collegue@test.fr",
      establishmentId: establishment.id,
      membershipRole: "EDITOR",
    });
    expect([asArs.superseded, colleague.superseded]).toEqual([0, 0]);

    // The role was wrong: the manager invites again. Another establishment's invitation is for another team and stays.
    const asAns = await inviteUser(manager, { purpose: "STAFF", email: "agent@test.fr", staffRole: "REVIEWER" });
    const elsewhere = await inviteUser(other.director, {
      purpose: "MEMBER",
      email: "collegue@test.fr",
      establishmentId: other.establishment.id,
      membershipRole: "EDITOR",
    });
    expect(elsewhere.superseded).toBe(0);
    expect(asAns.superseded).toBe(1);
    await expect(requireInvitationForNewAccount(tokenOf(asArs.link))).rejects.toMatchObject({
      code: "INVALID_STATE",
      message: expect.stringContaining("remplacé par une invitation plus récente"),
    });
    await expect(requireInvitationForNewAccount(tokenOf(asAns.link))).resolves.toMatchObject({ staffRole: "REVIEWER" });
    await expect(requireInvitationForNewAccount(tokenOf(colleague.link))).resolves.toMatchObject({ establishmentId: establishment.id });
    const audit = await testDb.auditEvent.findFirstOrThrow({ where: { action: "invitation.created", targetId: asAns.invitationId } });
    expect(audit.details).toMatchObject({ superseded: 1 });
  });

  it("leaves one usable invitation, of one side, when several for one address are sent at once (proven on PostgreSQL, where they run concurrently)", async () => {
    const manager = await programmeManager(testDb);
    const { establishment, director } = await establishmentWithDirector(testDb);
    const staff = (index: number) =>
      inviteUser(manager, { purpose: "STAFF", email: "agent@test.fr", staffRole: index % 2 ? "REVIEWER" : "REGIONAL_REVIEWER" });
    const member = () =>
      inviteUser(director, { purpose: "MEMBER", email: "AGENT@test.fr", establishmentId: establishment.id, membershipRole: "EDITOR" });
    const results = await Promise.allSettled(Array.from({ length: 6 }, (_, index) => [staff(index), member()]).flat());

    const invitations = await testDb.invitation.findMany({
      where: { email: "agent@test.fr" },
      select: { purpose: true, supersededAt: true },
    });
    // Whichever side came first, the other one's six were refused as a conflict of interests.
    expect(invitations).toHaveLength(6);
    expect(new Set(invitations.map((invitation) => invitation.purpose)).size).toBe(1);
    expect(results.filter((result) => result.status === "rejected").map((result) => (result.reason as Error).message)).toEqual(
      Array.from({ length: 6 }, () => expect.stringContaining("conflit d'intérêts")),
    );
    expect(invitations.filter((invitation) => invitation.supersededAt === null)).toHaveLength(1);
  });

  it("refuses to invite a member of the establishment, the inviter included, and writes nothing", async () => {
    const { establishment, director } = await establishmentWithDirector(testDb);
    const refusal = {
      code: "INVALID_INPUT",
      fieldErrors: { email: ["Cette adresse est déjà celle d'un membre de l'établissement : il n'a pas besoin d'invitation."] },
    };
    await expect(
      inviteUser(director, {
        purpose: "MEMBER",
        email: director.email.toUpperCase(),
        establishmentId: establishment.id,
        membershipRole: "EDITOR",
      }),
    ).rejects.toMatchObject(refusal);
    expect(await testDb.invitation.count()).toBe(0);
    expect(await testDb.outboxEmail.count()).toBe(0);
  });

  it("refuses an establishment that does not exist with a 404, not a database error", async () => {
    const manager = await programmeManager(testDb);
    await expect(
      inviteUser(manager, {
        purpose: "MEMBER",
        email: "a@test.fr",
        establishmentId: "0190b3c4-0000-7000-8000-000000000000",
        membershipRole: "EDITOR",
      }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("checks every inviter: a director may not invite staff, nor members of an establishment not theirs (404)", async () => {
    const { director } = await establishmentWithDirector(testDb);
    const other = await establishmentWithDirector(testDb);
    await expect(inviteUser(director, { purpose: "STAFF", email: "b@test.fr", staffRole: "PROGRAMME_MANAGER" })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(
      inviteUser(director, { purpose: "MEMBER", email: "c@test.fr", establishmentId: other.establishment.id, membershipRole: "EDITOR" }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await testDb.invitation.count()).toBe(0);
  });

  it("lets a co-editor invite co-editors but not a director, and writes nothing when refused", async () => {
    const { establishment, director } = await establishmentWithDirector(testDb);
    const { viewer: editor } = await createUser(testDb, { establishmentId: establishment.id, membershipRole: "EDITOR" });
    const invite = (inviter: Viewer, membershipRole: "DIRECTOR" | "EDITOR", email: string) =>
      inviteUser(inviter, { purpose: "MEMBER", email, establishmentId: establishment.id, membershipRole });

    await expect(invite(editor, "DIRECTOR", "d@test.fr")).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: "Seule la direction de l'établissement peut inviter une personne à la direction.",
    });
    expect(await testDb.invitation.count()).toBe(0);
    await invite(editor, "EDITOR", "e@test.fr");
    await invite(director, "DIRECTOR", "f@test.fr");
    expect(await testDb.invitation.findMany({ select: { email: true, membershipRole: true }, orderBy: { email: "asc" } })).toEqual([
      { email: "e@test.fr", membershipRole: "EDITOR" },
      { email: "f@test.fr", membershipRole: "DIRECTOR" },
    ]);
  });

  it("refuses a co-editor's invitation that would replace one to the direction, which she may not cancel, and keeps it usable", async () => {
    const { establishment, director } = await establishmentWithDirector(testDb);
    const { viewer: editor } = await createUser(testDb, { establishmentId: establishment.id, membershipRole: "EDITOR" });
    const invite = (inviter: Viewer, membershipRole: "DIRECTOR" | "EDITOR", email: string) =>
      inviteUser(inviter, { purpose: "MEMBER", email, establishmentId: establishment.id, membershipRole });
    const toDirection = await invite(director, "DIRECTOR", "lea.martin@test.fr");

    // The cancel route refuses her; re-inviting the address would have cancelled it all the same.
    await expect(cancelInvitation(editor, toDirection.invitationId, null)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(invite(editor, "EDITOR", "Lea.Martin@test.fr")).rejects.toMatchObject({
      code: "FORBIDDEN",
      message:
        "Une invitation à la direction est déjà en attente pour cette adresse : seule la direction de l'établissement peut la remplacer ou l'annuler.",
      fieldErrors: { email: [expect.stringContaining("seule la direction")] },
    });
    expect(await testDb.invitation.findMany({ select: { id: true, supersededAt: true, membershipRole: true } })).toEqual([
      { id: toDirection.invitationId, supersededAt: null, membershipRole: "DIRECTOR" },
    ]);

    // The journal names the establishment the address was invited to (an id the journal shows by its name).
    const created = await testDb.auditEvent.findFirstOrThrow({
      where: { action: "invitation.created", targetId: toDirection.invitationId },
    });
    expect(created.details).toMatchObject({ establishmentId: establishment.id, role: "DIRECTOR" });
    // What she may cancel she may replace: her own co-editor invitation, or one of the director's at co-editing.
    const toEditing = await invite(director, "EDITOR", "paul.durand@test.fr");
    await expect(invite(editor, "EDITOR", "paul.durand@test.fr")).resolves.toMatchObject({ superseded: 1 });
    // And the director replaces anything, a co-editor's invitation by one to the direction included.
    await expect(invite(director, "DIRECTOR", "paul.durand@test.fr")).resolves.toMatchObject({ superseded: 1 });
    expect(await testDb.invitation.findUniqueOrThrow({ where: { id: toEditing.invitationId } })).toMatchObject({
      supersededAt: expect.any(Date),
    });
  });

  it("lets the command line invite the first programme manager, audited as such", async () => {
    const { invitationId } = await inviteStaffFromCommandLine({ email: "Premiere.Pilote@test.fr", staffRole: "PROGRAMME_MANAGER" });
    const invitation = await testDb.invitation.findUniqueOrThrow({
      where: { id: invitationId },
      select: { email: true, staffRole: true, invitedById: true },
    });
    expect(invitation).toEqual({ email: "premiere.pilote@test.fr", staffRole: "PROGRAMME_MANAGER", invitedById: null });
    const audit = await testDb.auditEvent.findFirstOrThrow({
      where: { action: "invitation.created", targetId: invitationId },
      select: { actorLabel: true },
    });
    expect(audit.actorLabel).toBe("ligne de commande");
  });
});

/**
 * An invitation gives a role to an account that has none, or one more establishment to a member:
 * it never changes a staff role, nor puts one account on both sides (ADR 0007, « Order and timing »).
 */
describe("an invitation to an account that already has a role", () => {
  beforeEach(resetDatabase);

  const tokenOf = (link: string) => new URL(link).pathname.split("/").at(-1)!;
  const STAFF_TO_STAFF =
    "Cette adresse a déjà un compte, au rôle « instructeur ou instructrice de l'ANS » : une invitation ne change pas un rôle. Changez-le depuis « Utilisateurs de l'ANS » (la fiche d'instructeur pour un instructeur), qui vérifie d'abord les dossiers que la personne a encore à évaluer.";
  const STAFF_TO_MEMBER =
    "Cette adresse est celle d'un membre d'un établissement candidat : un même compte ne peut pas déposer des dossiers et les instruire, les vérifier ou en décider (conflit d'intérêts). Invitez la personne à son adresse de l'ANS ou de son ARS.";
  const MEMBER_TO_STAFF =
    "Cette adresse est celle d'un compte de l'ANS ou d'une ARS : il ne peut pas être membre d'un établissement candidat (conflit d'intérêts). Invitez la personne à son adresse dans l'établissement.";

  it("refuses, when sent, a staff invitation to an address invited to an establishment's direction, naming it, and sends nothing", async () => {
    const manager = await programmeManager(testDb);
    const { establishment, director } = await establishmentWithDirector(testDb, { name: "EHPAD QA Quatre" });
    const pending = await inviteUser(director, {
      purpose: "MEMBER",
      email: "qa.bis@test.fr",
      establishmentId: establishment.id,
      membershipRole: "DIRECTOR",
    });
    const message =
      "Cette adresse est déjà invitée à rejoindre l'établissement « EHPAD QA Quatre » : un même compte ne peut pas déposer des dossiers et les instruire, les vérifier ou en décider (conflit d'intérêts). Annulez d'abord cette invitation depuis la page de l'établissement, ou invitez la personne à son adresse de l'ANS ou de son ARS.";

    await expect(inviteUser(manager, { purpose: "STAFF", email: "QA.Bis@test.fr", staffRole: "REGIONAL_REVIEWER" })).rejects.toMatchObject({
      code: "INVALID_INPUT",
      message,
      fieldErrors: { email: [message] },
    });
    expect(await testDb.invitation.count({ where: { purpose: "STAFF" } })).toBe(0);

    // Once the establishment's invitation is cancelled, the address may be invited as staff.
    await testDb.invitation.update({ where: { id: pending.invitationId }, data: { cancelledAt: new Date() } });
    await expect(inviteUser(manager, { purpose: "STAFF", email: "qa.bis@test.fr", staffRole: "REGIONAL_REVIEWER" })).resolves.toMatchObject(
      {
        superseded: 0,
      },
    );
  });

  it("refuses, when sent, a member invitation to an address invited as staff, without naming the staff role", async () => {
    const manager = await programmeManager(testDb);
    const { establishment, director } = await establishmentWithDirector(testDb);
    await inviteUser(manager, { purpose: "STAFF", email: "nouvel.instructeur@test.fr", staffRole: "REGIONAL_REVIEWER" });
    const message =
      "Cette adresse est déjà invitée à rejoindre l'ANS ou une ARS : elle ne pourra pas aussi être membre d'un établissement candidat (conflit d'intérêts). Invitez la personne à son adresse dans l'établissement, ou faites d'abord annuler l'invitation de l'ANS.";

    await expect(
      inviteUser(director, {
        purpose: "MEMBER",
        email: "nouvel.instructeur@test.fr",
        establishmentId: establishment.id,
        membershipRole: "EDITOR",
      }),
    ).rejects.toMatchObject({ code: "INVALID_INPUT", message, fieldErrors: { email: [message] } });
    expect(await testDb.invitation.count({ where: { purpose: "MEMBER" } })).toBe(0);
  });

  it("refuses, when sent, to make an ANS reviewer who holds a national review an ARS one, and sends nothing", async () => {
    const manager = await programmeManager(testDb);
    const wave = await createReviewWave(testDb, { k: 1 });
    const dossier = await createSubmittedDossier(testDb, wave, { name: "EHPAD de l'Invitation" });
    const reviewer = await createReviewer(testDb);
    await assignReviewer(manager, wave.waveId, {
      tier: "NATIONAL",
      applicationId: dossier.id,
      reviewerId: reviewer.userId,
      overrideReason: "",
      ip: null,
    });

    await expect(
      inviteUser(manager, { purpose: "STAFF", email: reviewer.email.toUpperCase(), staffRole: "REGIONAL_REVIEWER" }),
    ).rejects.toMatchObject({ code: "INVALID_INPUT", message: STAFF_TO_STAFF, fieldErrors: { email: [STAFF_TO_STAFF] } });
    expect([
      await testDb.invitation.count(),
      await testDb.outboxEmail.count({ where: { dedupeKey: { startsWith: "invitation:" } } }),
    ]).toEqual([0, 0]);
    expect((await testDb.user.findUniqueOrThrow({ where: { id: reviewer.userId } })).staffRole).toBe("REVIEWER");
  });

  it("refuses at acceptance a staff invitation to an account that has taken a staff role since it was sent", async () => {
    const manager = await programmeManager(testDb);
    const { viewer: person } = await createUser(testDb);
    const sent = await inviteUser(manager, { purpose: "STAFF", email: person.email, staffRole: "REGIONAL_REVIEWER" });
    // As an invitation sent before this check existed finds it.
    await testDb.user.update({ where: { id: person.userId }, data: { staffRole: "REVIEWER" } });

    await expect(
      acceptInvitationWithAccount({ ...person, staffRole: "REVIEWER" }, { token: tokenOf(sent.link), ip: null }),
    ).rejects.toMatchObject({
      code: "INVALID_STATE",
      message:
        "Votre compte a déjà le rôle « instructeur ou instructrice de l'ANS » : une invitation ne change pas un rôle. Demandez à un chargé ou une chargée de programme de changer votre rôle depuis « Utilisateurs de l'ANS ».",
    });
    expect((await testDb.user.findUniqueOrThrow({ where: { id: person.userId } })).staffRole).toBe("REVIEWER");
    expect((await testDb.invitation.findUniqueOrThrow({ where: { id: sent.invitationId } })).usedAt).toBeNull();
    expect(await testDb.auditEvent.count({ where: { action: "invitation.accepted", targetId: sent.invitationId } })).toBe(0);
  });

  it("refuses, when sent, a staff invitation to an establishment's member and a member invitation to a staff account", async () => {
    const manager = await programmeManager(testDb);
    const { establishment, director } = await establishmentWithDirector(testDb);
    const { viewer: editor } = await createUser(testDb, { establishmentId: establishment.id, membershipRole: "EDITOR" });
    const reviewer = await createReviewer(testDb);

    for (const member of [director, editor]) {
      await expect(inviteUser(manager, { purpose: "STAFF", email: member.email, staffRole: "REVIEWER" })).rejects.toMatchObject({
        code: "INVALID_INPUT",
        fieldErrors: { email: [STAFF_TO_MEMBER] },
      });
    }
    // A director inviting an ANS reviewer; a manager inviting themself to an establishment's direction.
    const member = (inviter: Viewer, email: string) =>
      inviteUser(inviter, { purpose: "MEMBER", email, establishmentId: establishment.id, membershipRole: "DIRECTOR" });
    for (const [inviter, email] of [
      [director, reviewer.email],
      [manager, manager.email],
    ] as const) {
      await expect(member(inviter, email)).rejects.toMatchObject({ code: "INVALID_INPUT", fieldErrors: { email: [MEMBER_TO_STAFF] } });
    }
    expect([await testDb.invitation.count(), await testDb.outboxEmail.count()]).toEqual([0, 0]);
  });

  it("refuses at acceptance the other side's invitation once the account has taken one, either way", async () => {
    const manager = await programmeManager(testDb);
    const { establishment, director } = await establishmentWithDirector(testDb);
    const send = async (email: string) => {
      const staff = await inviteUser(manager, { purpose: "STAFF", email, staffRole: "REVIEWER" });
      // Both sides pending, as invitations sent before the check at sending time are.
      await testDb.invitation.update({ where: { id: staff.invitationId }, data: { cancelledAt: new Date() } });
      const member = await inviteUser(director, { purpose: "MEMBER", email, establishmentId: establishment.id, membershipRole: "EDITOR" });
      await testDb.invitation.update({ where: { id: staff.invitationId }, data: { cancelledAt: null } });
      return { staff, member };
    };
    // Two accounts without a role yet, each invited to both sides.
    const { viewer: first } = await createUser(testDb);
    const { viewer: second } = await createUser(testDb);
    const toFirst = await send(first.email);
    const toSecond = await send(second.email);

    await acceptInvitationWithAccount(first, { token: tokenOf(toFirst.member.link), ip: null });
    await expect(acceptInvitationWithAccount(first, { token: tokenOf(toFirst.staff.link), ip: null })).rejects.toMatchObject({
      code: "INVALID_STATE",
      message:
        "Votre compte est celui d'un membre d'un établissement candidat : il ne peut pas recevoir un rôle de l'ANS ou d'une ARS (conflit d'intérêts). Demandez à la personne qui vous a invité(e) de vous inviter à votre adresse de l'ANS ou de votre ARS.",
    });
    await acceptInvitationWithAccount(second, { token: tokenOf(toSecond.staff.link), ip: null });
    await expect(acceptInvitationWithAccount(second, { token: tokenOf(toSecond.member.link), ip: null })).rejects.toMatchObject({
      code: "INVALID_STATE",
      message:
        "Votre compte est celui de l'ANS ou d'une ARS : il ne peut pas être membre d'un établissement candidat (conflit d'intérêts). Demandez à la personne qui vous a invité(e) de vous inviter à votre adresse dans l'établissement.",
    });

    const accounts = await testDb.user.findMany({
      where: { id: { in: [first.userId, second.userId] } },
      select: { id: true, staffRole: true, memberships: { select: { role: true } } },
    });
    expect(accounts).toEqual(
      expect.arrayContaining([
        { id: first.userId, staffRole: null, memberships: [{ role: "EDITOR" }] },
        { id: second.userId, staffRole: "REVIEWER", memberships: [] },
      ]),
    );
  });

  it("audits the role an account without one takes, from none to the invitation's", async () => {
    const manager = await programmeManager(testDb);
    const { establishment, director } = await establishmentWithDirector(testDb);
    const { viewer: person } = await createUser(testDb);
    const other = await establishmentWithDirector(testDb);
    const staff = await inviteUser(manager, { purpose: "STAFF", email: person.email, staffRole: "REGIONAL_REVIEWER" });
    const member = await inviteUser(director, {
      purpose: "MEMBER",
      email: other.director.email,
      establishmentId: establishment.id,
      membershipRole: "EDITOR",
    });

    await acceptInvitationWithAccount(person, { token: tokenOf(staff.link), ip: null });
    await acceptInvitationWithAccount(other.director, { token: tokenOf(member.link), ip: null });
    const details = async (invitationId: string) =>
      (await testDb.auditEvent.findFirstOrThrow({ where: { action: "invitation.accepted", targetId: invitationId } })).details;
    expect(await details(staff.invitationId)).toMatchObject({ purpose: "STAFF", role: { from: null, to: "REGIONAL_REVIEWER" } });
    expect(await details(member.invitationId)).toMatchObject({
      purpose: "MEMBER",
      role: { from: null, to: "EDITOR" },
      establishmentId: establishment.id,
    });
  });
});
