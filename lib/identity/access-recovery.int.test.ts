import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { resetDatabase, testDb } from "@/test/integration/database";
import { createEstablishment, createReviewer, createUser, establishmentWithDirector, programmeManager } from "@/test/factories";
import {
  ACCESS_RECOVERY_STATUS_MESSAGES,
  consumeAccessRecovery,
  findAccessRecovery,
  issueAccessRecovery,
  issueAccessRecoveryFromCommandLine,
  requireUsableAccessRecovery,
} from "./access-recovery";
import { updateStaffMember } from "./users";

/**
 * Access recovery (ADR 0034): the link's issuance, who may send it, and its use (the registration
 * ceremony around it is e2e/passkeys.spec.ts's, with a virtual authenticator).
 */
describe("access recovery", () => {
  beforeEach(resetDatabase);

  /** A key as a registration stores it: its bytes matter not, only whose it is. */
  function storeKey(userId: string, id: string) {
    return testDb.webAuthnCredential.create({
      data: { id, userId, publicKey: Buffer.from([1]), deviceType: "singleDevice", backupEligible: false, backedUp: false, name: id },
    });
  }

  async function teamWithEditor() {
    const { establishment, director } = await establishmentWithDirector(testDb);
    const editor = await createUser(testDb, { establishmentId: establishment.id, membershipRole: "EDITOR", name: "Paul Martin" });
    await storeKey(editor.id, "cle-perdue");
    await testDb.session.create({ data: { userId: editor.id, method: "PASSKEY", expiresAt: new Date(Date.now() + 3_600_000) } });
    return { establishment, director, editor };
  }

  async function sentLink(userId: string) {
    const recovery = await testDb.accessRecovery.findFirstOrThrow({ where: { userId }, orderBy: { createdAt: "desc" } });
    const email = await testDb.outboxEmail.findUniqueOrThrow({ where: { dedupeKey: `access-recovery:${recovery.id}` } });
    const token = /\/recuperation\/([\w-]+)/.exec(email.text)![1]!;
    return { recovery, email, token };
  }

  it("e-mails the member a 24-hour link from their director, keeps their keys until it is used, and audits it", async () => {
    const { director, editor } = await teamWithEditor();
    const now = new Date("2026-12-07T09:00:00Z");

    const sent = await issueAccessRecovery(director, editor.id, "203.0.113.9", now);

    expect(sent).toEqual({ email: editor.email, expiresAt: new Date("2026-12-08T09:00:00Z"), replacedEarlier: false });
    const { email, token } = await sentLink(editor.id);
    expect(email.to).toBe(editor.email);
    expect(email.subject).toBe("Rétablir votre accès à HospiConnect");
    expect(email.text).toContain(`${director.displayName} vous envoie un lien pour rétablir votre accès`);
    expect(email.text).toContain("le 8 décembre 2026 à 10\u00a0h\u00a000");
    expect(email.text).toContain("Si vous n'avez rien demandé, n'ouvrez pas ce lien");
    // The token is not stored: only its hash.
    expect(await testDb.accessRecovery.count({ where: { tokenHash: token } })).toBe(0);
    expect(await testDb.webAuthnCredential.count({ where: { userId: editor.id } })).toBe(1);
    const audit = await testDb.auditEvent.findFirstOrThrow({ where: { action: "access-recovery.issued", targetId: editor.id } });
    expect(audit).toMatchObject({ actorId: director.userId, targetId: editor.id, ip: "203.0.113.9" });
    expect((await findAccessRecovery(token, now)).status).toBe("valid");
    expect((await findAccessRecovery(token, new Date("2026-12-08T09:00:00Z"))).status).toBe("expired");
  });

  it("lets only the person's director or a programme manager send it, never to oneself", async () => {
    const { establishment, director, editor } = await teamWithEditor();
    const coEditor = await createUser(testDb, { establishmentId: establishment.id, membershipRole: "EDITOR" });
    const otherDirector = (await establishmentWithDirector(testDb)).director;
    const reviewer = await createReviewer(testDb);
    const manager = await programmeManager(testDb);

    await expect(issueAccessRecovery(coEditor.viewer, editor.id, null)).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: "Seule la direction de l'établissement ou l'ANS peut rétablir l'accès d'une personne.",
    });
    await expect(issueAccessRecovery(otherDirector, editor.id, null)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(issueAccessRecovery(reviewer, editor.id, null)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(issueAccessRecovery(director, director.userId, null)).rejects.toMatchObject({ code: "FORBIDDEN" });
    // A director answers for their team, not for the ANS's staff.
    await expect(issueAccessRecovery(director, reviewer.userId, null)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await testDb.accessRecovery.count()).toBe(0);

    await expect(issueAccessRecovery(manager, reviewer.userId, null)).resolves.toMatchObject({ email: reviewer.email });
    await expect(issueAccessRecovery(manager, editor.id, null)).resolves.toMatchObject({ email: editor.email });
  });

  it("cancels the links of an account when it is disabled: reactivated, it does not get them back", async () => {
    const manager = await programmeManager(testDb);
    const reviewer = await createReviewer(testDb);
    await issueAccessRecovery(manager, reviewer.userId, null);
    const { token } = await sentLink(reviewer.userId);

    await updateStaffMember(manager, reviewer.userId, { disabled: true }, null);
    expect((await findAccessRecovery(token)).status).toBe("cancelled");
    await expect(issueAccessRecovery(manager, reviewer.userId, null)).rejects.toMatchObject({
      code: "INVALID_STATE",
      message: "Ce compte est désactivé : réactivez-le avant d'en rétablir l'accès.",
    });

    await updateStaffMember(manager, reviewer.userId, { disabled: false }, null);
    expect((await findAccessRecovery(token)).status).toBe("cancelled");
    await expect(requireUsableAccessRecovery(token)).rejects.toMatchObject({
      code: "INVALID_STATE",
      message: ACCESS_RECOVERY_STATUS_MESSAGES.cancelled,
    });
  });

  it("replaces the link sent before: only the newest one works", async () => {
    const { director, editor } = await teamWithEditor();
    await issueAccessRecovery(director, editor.id, null, new Date(Date.now() - 60_000));
    const first = await sentLink(editor.id);
    await expect(issueAccessRecovery(director, editor.id, null)).resolves.toMatchObject({ replacedEarlier: true });
    const second = await sentLink(editor.id);

    expect(second.token).not.toBe(first.token);
    expect((await findAccessRecovery(first.token)).status).toBe("superseded");
    expect((await findAccessRecovery(second.token)).status).toBe("valid");
  });

  it("leaves one usable link when several are sent at once (proven on PostgreSQL, where they run concurrently)", async () => {
    const { director, editor } = await teamWithEditor();
    const manager = await programmeManager(testDb);
    await Promise.all(Array.from({ length: 6 }, (_, index) => issueAccessRecovery(index % 2 === 0 ? director : manager, editor.id, null)));
    const links = await testDb.accessRecovery.findMany({ where: { userId: editor.id }, select: { supersededAt: true } });
    expect(links).toHaveLength(6);
    expect(links.filter((link) => link.supersededAt === null)).toHaveLength(1);
  });

  it("on use, removes every key the account had, ends its sessions, tells its owner, and works once", async () => {
    const { director, editor } = await teamWithEditor();
    const colleague = await createUser(testDb, { establishmentId: (await createEstablishment(testDb)).id });
    await storeKey(colleague.id, "cle-du-collegue");
    await issueAccessRecovery(director, editor.id, null);
    const { token } = await sentLink(editor.id);
    const { recovery } = await findAccessRecovery(token);

    await db.$transaction((tx) => consumeAccessRecovery(tx, recovery!, "198.51.100.4"));

    expect(await testDb.webAuthnCredential.count({ where: { userId: editor.id } })).toBe(0);
    expect(await testDb.webAuthnCredential.count({ where: { userId: colleague.id } })).toBe(1);
    expect(await testDb.session.count({ where: { userId: editor.id, revokedAt: null } })).toBe(0);
    const told = await testDb.outboxEmail.findUniqueOrThrow({ where: { dedupeKey: `access-recovered:${recovery!.id}` } });
    expect(told).toMatchObject({ to: editor.email, subject: "Votre accès à HospiConnect a été rétabli" });
    expect(told.text).toContain("Votre ancienne clé a été retirée et vos sessions ouvertes fermées.");
    expect(told.text).toContain("prévenez sans attendre la direction de votre établissement ou l'équipe HospiConnect de l'ANS");
    const audit = await testDb.auditEvent.findFirstOrThrow({ where: { action: "access-recovery.used", targetId: editor.id } });
    expect(audit).toMatchObject({ actorId: editor.id, targetId: editor.id, details: { removedKeys: 1, endedSessions: 1 } });

    expect((await findAccessRecovery(token)).status).toBe("used");
    await expect(db.$transaction((tx) => consumeAccessRecovery(tx, recovery!, null))).rejects.toMatchObject({
      code: "INVALID_STATE",
      message: ACCESS_RECOVERY_STATUS_MESSAGES.used,
    });
  });

  it("tells a staff member whose access was recovered to warn the ANS, who have no establishment's direction", async () => {
    const manager = await programmeManager(testDb);
    const reviewer = await createReviewer(testDb);
    await issueAccessRecovery(manager, reviewer.userId, null);
    const { recovery } = await findAccessRecovery((await sentLink(reviewer.userId)).token);

    await db.$transaction((tx) => consumeAccessRecovery(tx, recovery!, null));

    const told = await testDb.outboxEmail.findUniqueOrThrow({ where: { dedupeKey: `access-recovered:${recovery!.id}` } });
    expect(told.text).toContain("Votre compte n'avait pas d'autre clé\u00a0; vos sessions ouvertes ont été fermées.");
    expect(told.text).toContain("prévenez sans attendre l'équipe HospiConnect de l'ANS\u00a0:");
    expect(told.text).not.toContain("direction");
  });

  it("is sent from the command line to a programme manager no other manager can help, its link printed and e-mailed", async () => {
    const manager = await programmeManager(testDb);

    const sent = await issueAccessRecoveryFromCommandLine(manager.email.toUpperCase());

    expect(sent.email).toBe(manager.email);
    const { email, token } = await sentLink(manager.userId);
    expect(sent.link).toContain(`/recuperation/${token}`);
    expect(email.text).toContain("L'équipe HospiConnect vous envoie un lien pour rétablir votre accès");
    expect(email.text).toContain("prévenez l'équipe HospiConnect");
    expect((await findAccessRecovery(token)).status).toBe("valid");
    // The audit log outlives each test's data: its entry is found by its target.
    const audit = await testDb.auditEvent.findFirstOrThrow({ where: { action: "access-recovery.issued", targetId: manager.userId } });
    expect(audit).toMatchObject({ actorId: null, actorLabel: "ligne de commande" });
    await expect(issueAccessRecoveryFromCommandLine("personne@exemple.fr")).rejects.toMatchObject({
      code: "NOT_FOUND",
      message: "Aucun compte n'a l'adresse personne@exemple.fr.",
    });
  });
});
