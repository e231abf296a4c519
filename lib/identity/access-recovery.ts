import { authorizeAccessRecovery } from "@/lib/access/policy";
import { auditActor, type Viewer } from "@/lib/access/viewer";
import { recordAudit } from "@/lib/audit/record-audit";
import { env } from "@/lib/config/env";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import type { StaffRole } from "@/lib/db/generated/enums";
import { AppError } from "@/lib/errors/app-error";
import { requestDelivery } from "@/lib/jobs/worker";
import { accessRecoveredEmail } from "@/lib/notifications/access-recovered-email";
import { accessRecoveryEmail } from "@/lib/notifications/access-recovery-email";
import { enqueueEmail } from "@/lib/notifications/outbox";
import { consumeLinkSent } from "./rate-limits";
import { nameWithSide } from "./staff-role-labels";
import { hashToken, newToken } from "./tokens";
import { type LinkStatus, linkStatus, usableLinkWhere } from "./single-use-link";

/** Shorter than an invitation's (72 hours by default): the link replaces every key of an existing account. */
export const ACCESS_RECOVERY_TTL_HOURS = 24;

export const ACCESS_RECOVERY_STATUS_MESSAGES: Readonly<Record<Exclude<LinkStatus, "valid">, string>> = {
  used: "Ce lien de rétablissement a déjà été utilisé. Connectez-vous avec la clé que vous avez enregistrée.",
  superseded: "Ce lien a été remplacé par un lien plus récent envoyé à la même adresse : utilisez celui du dernier courriel reçu.",
  cancelled:
    "Ce lien de rétablissement a été annulé : le compte a été désactivé depuis son envoi. Adressez-vous à la personne qui vous l'a envoyé.",
  expired: "Ce lien de rétablissement a expiré. Demandez-en un nouveau à la personne qui vous l'a envoyé.",
  unknown: "Ce lien de rétablissement n'est pas valide. Vérifiez qu'il a été copié en entier.",
};

const ACCOUNT_SELECT = {
  id: true,
  email: true,
  staffRole: true,
  disabledAt: true,
  memberships: { select: { establishmentId: true } },
} as const satisfies Prisma.UserSelect;

type Account = Prisma.UserGetPayload<{ select: typeof ACCOUNT_SELECT }>;

/** Who sends the link: named in the e-mail (« Claire Dumont (ANS) »), and in the audit log. */
type RecoveryAuthor = { issuedById: string | null; issuedBy: string; actor: { id: string | null; label: string } };

/**
 * Sends a person who lost their keys a single-use link to register a new one (ADR 0034), replacing
 * the link sent before. Their keys stay until the link is used: the request may not be theirs. The
 * sender never sees the link: it goes to the person's own address.
 */
export async function issueAccessRecovery(
  viewer: Viewer,
  userId: string,
  ip: string | null,
  now = new Date(),
): Promise<{ email: string; expiresAt: Date; replacedEarlier: boolean }> {
  const account = await db.user.findUnique({ where: { id: userId }, select: ACCOUNT_SELECT });
  if (!account) throw new AppError("NOT_FOUND");
  authorizeAccessRecovery(viewer, {
    userId: account.id,
    staffRole: account.staffRole,
    establishmentIds: account.memberships.map((membership) => membership.establishmentId),
  });
  // The invitations' budget: this e-mail names its sender too.
  await consumeLinkSent(viewer.userId, ip);
  const author = { issuedById: viewer.userId, issuedBy: nameWithSide(viewer.displayName, viewer.staffRole), actor: auditActor(viewer) };
  const { email, expiresAt, replacedEarlier } = await writeAccessRecovery(account, author, ip, now);
  return { email, expiresAt, replacedEarlier };
}

/**
 * `npm run recover-access`: for the programme manager who lost their key when no other manager can
 * send them a link. Whoever runs it holds the server, so there is no viewer to authorize; the link
 * is printed as well as e-mailed (like `npm run invite`).
 */
export async function issueAccessRecoveryFromCommandLine(email: string, now = new Date()) {
  const account = await db.user.findUnique({ where: { email: email.trim().toLowerCase() }, select: ACCOUNT_SELECT });
  if (!account) throw new AppError("NOT_FOUND", `Aucun compte n'a l'adresse ${email}.`);
  return writeAccessRecovery(
    account,
    { issuedById: null, issuedBy: "l'équipe HospiConnect", actor: { id: null, label: "ligne de commande" } },
    null,
    now,
  );
}

async function writeAccessRecovery(account: Account, author: RecoveryAuthor, ip: string | null, now: Date) {
  if (account.disabledAt) throw new AppError("INVALID_STATE", "Ce compte est désactivé : réactivez-le avant d'en rétablir l'accès.");
  const token = newToken();
  const expiresAt = new Date(now.getTime() + ACCESS_RECOVERY_TTL_HOURS * 3_600_000);
  const link = new URL(`/recuperation/${token}`, env.APP_URL).toString();
  const superseded = await db.$transaction(async (tx) => {
    // Two links sent at once (a double click, two directors) would each replace only the earlier ones.
    await tx.$queryRaw`SELECT id FROM "User" WHERE id = ${account.id}::uuid FOR UPDATE`;
    const { count: superseded } = await tx.accessRecovery.updateMany({
      where: { userId: account.id, ...usableLinkWhere(now) },
      data: { supersededAt: now },
    });
    const recovery = await tx.accessRecovery.create({
      data: { tokenHash: hashToken(token), userId: account.id, issuedById: author.issuedById, expiresAt },
      select: { id: true },
    });
    await enqueueEmail(tx, {
      dedupeKey: `access-recovery:${recovery.id}`,
      to: account.email,
      ...accessRecoveryEmail({ link, expiresAt, issuedBy: author.issuedBy }),
    });
    await recordAudit(tx, {
      actor: author.actor,
      action: "access-recovery.issued",
      target: { type: "User", id: account.id },
      ip,
      details: { email: account.email, linksReplaced: superseded },
    });
    return superseded;
  });
  requestDelivery();
  return { email: account.email, expiresAt, replacedEarlier: superseded > 0, link };
}

/** Disabling an account cancels the links sent to it: reactivating it must not bring back a link that was out meanwhile. */
export async function cancelPendingAccessRecoveries(tx: Prisma.TransactionClient, userId: string, now: Date): Promise<number> {
  const { count } = await tx.accessRecovery.updateMany({ where: { userId, ...usableLinkWhere(now) }, data: { cancelledAt: now } });
  return count;
}

/** Finds a recovery link by its token, with why it cannot be used when it cannot. */
export async function findAccessRecovery(token: string, now = new Date()) {
  const recovery = await db.accessRecovery.findUnique({
    where: { tokenHash: hashToken(token) },
    select: {
      id: true,
      userId: true,
      expiresAt: true,
      usedAt: true,
      supersededAt: true,
      cancelledAt: true,
      user: { select: { email: true, staffRole: true, disabledAt: true } },
    },
  });
  // Disabling cancels the account's links; this holds for one sent in the same instant.
  const status: LinkStatus = recovery?.user.disabledAt && !recovery.usedAt ? "cancelled" : linkStatus(recovery, now);
  return { status, recovery };
}

/** Throws with the French reason unless the link can still be used. */
export async function requireUsableAccessRecovery(token: string) {
  const { status, recovery } = await findAccessRecovery(token);
  if (status !== "valid" || !recovery)
    throw new AppError(
      status === "unknown" ? "NOT_FOUND" : "INVALID_STATE",
      ACCESS_RECOVERY_STATUS_MESSAGES[status as Exclude<LinkStatus, "valid">],
    );
  return recovery;
}

/**
 * Uses the link, in the transaction that stores the new key: every key the account had is removed
 * (the lost one must not work if found) and its sessions end; the owner is told by e-mail, in case
 * it was not them. A second use, even concurrent, fails.
 */
export async function consumeAccessRecovery(
  tx: Prisma.TransactionClient,
  recovery: { id: string; userId: string; user: { email: string; staffRole: StaffRole | null } },
  ip: string | null,
  now = new Date(),
): Promise<void> {
  const claimed = await tx.accessRecovery.updateMany({ where: { id: recovery.id, ...usableLinkWhere(now) }, data: { usedAt: now } });
  if (claimed.count !== 1) throw new AppError("INVALID_STATE", ACCESS_RECOVERY_STATUS_MESSAGES.used);
  const { count: removedKeys } = await tx.webAuthnCredential.deleteMany({ where: { userId: recovery.userId } });
  const { count: endedSessions } = await tx.session.updateMany({
    where: { userId: recovery.userId, revokedAt: null },
    data: { revokedAt: now },
  });
  await enqueueEmail(tx, {
    dedupeKey: `access-recovered:${recovery.id}`,
    to: recovery.user.email,
    ...accessRecoveredEmail({ at: now, removedKeys, staff: recovery.user.staffRole !== null }),
  });
  await recordAudit(tx, {
    actor: { id: recovery.userId, label: recovery.user.email },
    action: "access-recovery.used",
    target: { type: "User", id: recovery.userId },
    ip,
    details: { removedKeys, endedSessions },
  });
}
