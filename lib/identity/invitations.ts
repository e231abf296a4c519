import { PROMOTE_LABEL } from "@/lib/establishments/team";
import { recordAudit } from "@/lib/audit/record-audit";
import { nameWithSide, STAFF_ROLE_LABELS } from "./staff-role-labels";
import { type LinkStatus, linkStatus, usableLinkWhere } from "./single-use-link";
import {
  authorizeMemberInvitation,
  canCancelInvitation,
  type InvitedAccount,
  invitationRefusal,
  type PendingOtherSide,
  requirePermission,
} from "@/lib/access/policy";
import { auditActor, type Viewer } from "@/lib/access/viewer";
import { env, proSanteConnectEnabled } from "@/lib/config/env";
import { lockUntilCommit } from "@/lib/db/advisory-lock";
import { db } from "@/lib/db/client";
import type { MembershipRole, StaffRole } from "@/lib/db/generated/enums";
import type { Prisma } from "@/lib/db/generated/client";
import { AppError } from "@/lib/errors/app-error";
import { requestDelivery } from "@/lib/jobs/worker";
import { invitationEmail } from "@/lib/notifications/invitation-email";
import { invitationExistingAccountEmail } from "@/lib/notifications/invitation-existing-account-email";
import { enqueueEmail } from "@/lib/notifications/outbox";
import { invitedMemberRole } from "@/lib/establishments/membership-role-labels";
import { consumeLinkSent } from "./rate-limits";
import { hashToken, newToken } from "./tokens";

export type InvitationRequest =
  | { purpose: "STAFF"; email: string; staffRole: StaffRole }
  | { purpose: "MEMBER"; email: string; establishmentId: string; membershipRole: MembershipRole };

export function invitationLink(token: string): string {
  return new URL(`/invitation/${token}`, env.APP_URL).toString();
}

/**
 * Invites a person by e-mail: a single-use link, valid INVITATION_TTL_HOURS, through which they
 * register a passkey (or, for establishment members with an e-CPS, sign in with Pro Santé Connect).
 * Staff invitations are for programme managers; a member invites colleagues of their establishment.
 */
export async function inviteUser(
  inviter: Viewer,
  request: InvitationRequest,
  ip: string | null = null,
): Promise<{ invitationId: string; link: string; accountExists: boolean; superseded: number }> {
  if (request.purpose === "STAFF") requirePermission(inviter, "invitation:staff");
  else authorizeMemberInvitation(inviter, request.establishmentId, request.membershipRole);
  // Re-sending is inviting again: each e-mail counts.
  await consumeLinkSent(inviter.userId, ip);
  return createInvitation(request, invitationAuthor(inviter), ip);
}

/** How an invitation names its author: in the e-mail, with their side (ANS, ARS); in the audit log. */
export function invitationAuthor(inviter: Viewer): InvitationAuthor {
  return {
    invitedById: inviter.userId,
    invitedBy: nameWithSide(inviter.displayName, inviter.staffRole),
    actor: auditActor(inviter),
    viewer: inviter,
  };
}

/**
 * The command line's staff invitation (`npm run invite`), which brings in the very first programme
 * manager: whoever runs it holds the server, so there is no viewer to authorize.
 */
export async function inviteStaffFromCommandLine(request: { email: string; staffRole: StaffRole }) {
  return createInvitation(
    { purpose: "STAFF", ...request },
    { invitedById: null, invitedBy: null, actor: { id: null, label: "ligne de commande" }, viewer: null },
    null,
  );
}

const ALREADY_MEMBER = "Cette adresse est déjà celle d'un membre de l'établissement : il n'a pas besoin d'invitation.";
/** Only the director or a programme manager invites at the direction, and they may change a role on the team page. */
const CO_EDITOR_TO_PROMOTE = `Cette adresse est celle d'un membre de l'équipe, en co-rédaction : il n'a pas besoin d'invitation. Pour lui confier la direction, utilisez « ${PROMOTE_LABEL} » dans la liste de l'équipe.`;

type InvitationAuthor = {
  invitedById: string | null;
  invitedBy: string | null;
  actor: { id: string | null; label: string };
  /** Whose rights the invitation is sent with; null for the command line, which holds the server. */
  viewer: Viewer | null;
};

/** A co-editor re-inviting an address the director invited to the direction would cancel that invitation. */
const PENDING_NOT_YOURS_TO_REPLACE =
  "Une invitation à la direction est déjà en attente pour cette adresse : seule la direction de l'établissement peut la remplacer ou l'annuler.";

async function createInvitation(
  request: InvitationRequest,
  author: InvitationAuthor,
  ip: string | null,
): Promise<{ invitationId: string; link: string; accountExists: boolean; superseded: number }> {
  const email = request.email.trim().toLowerCase();
  if (request.purpose === "MEMBER") {
    const [establishment, member] = await Promise.all([
      db.establishment.findUnique({ where: { id: request.establishmentId }, select: { id: true } }),
      db.membership.findFirst({
        where: { establishmentId: request.establishmentId, user: { email: { equals: email, mode: "insensitive" } } },
        select: { role: true },
      }),
    ]);
    if (!establishment) throw new AppError("NOT_FOUND", "Cet établissement n'existe pas.");
    // The team page lists its members' addresses and roles: saying so tells the inviter nothing new.
    if (member) {
      const message = member.role === "EDITOR" && request.membershipRole === "DIRECTOR" ? CO_EDITOR_TO_PROMOTE : ALREADY_MEMBER;
      throw new AppError("INVALID_INPUT", message, { fieldErrors: { email: [message] } });
    }
  }
  const written = await db.$transaction((tx) => writeInvitation(tx, { ...request, email }, author, ip));
  requestDelivery();
  return written;
}

/**
 * Writes an invitation, its e-mail and its audit entry in the caller's transaction, replacing the
 * address's pending invitation for the same purpose; the caller asks for delivery once it commits.
 */
export async function writeInvitation(
  tx: Prisma.TransactionClient,
  request: InvitationRequest,
  author: InvitationAuthor,
  ip: string | null,
  /** The form's field that holds the address, for a refusal (`directorEmail` when registering an establishment). */
  emailField = "email",
): Promise<{ invitationId: string; link: string; accountExists: boolean; superseded: number }> {
  const email = request.email.trim().toLowerCase();
  // Two invitations of one address sent at once would each find no pending link to replace, nor
  // the other's side (`pendingOtherSide`): one lock per address, whatever the purpose.
  await lockUntilCommit(tx, `invitation:${email}`);
  // An address that has an account gets the same answer and the same pending invitation as any
  // other (no account enumeration); only the e-mail differs, telling the person what to do. But an
  // invitation that could not be accepted (a staff role changed, one account on both sides) is
  // refused now, and says so: the policy's reasons tell an inviter no more than they already know.
  const [account, pending] = await Promise.all([invitedAccount(tx, { email }), pendingOtherSide(tx, email, request.purpose)]);
  const refusal = invitationRefusal(account, request.purpose, "inviter", pending);
  if (refusal) throw new AppError("INVALID_INPUT", refusal, { fieldErrors: { [emailField]: [refusal] } });
  const accountExists = account !== null;
  const token = newToken();
  const expiresAt = new Date(Date.now() + env.INVITATION_TTL_HOURS * 3_600_000);
  const link = invitationLink(token);
  // Inviting the same address again (a lost e-mail, a corrected role) replaces the pending link.
  const pendingWhere = {
    email,
    purpose: request.purpose,
    ...(request.purpose === "MEMBER" ? { establishmentId: request.establishmentId } : {}),
    ...usableLinkWhere(new Date()),
  };
  // Replacing an invitation cancels its link: only whoever may cancel it may (the same rule as the cancel route).
  const { viewer } = author;
  if (viewer) {
    const pending = await tx.invitation.findMany({
      where: pendingWhere,
      select: { purpose: true, establishmentId: true, membershipRole: true },
    });
    if (pending.some((invitation) => !canCancelInvitation(viewer, invitation)))
      throw new AppError("FORBIDDEN", PENDING_NOT_YOURS_TO_REPLACE, { fieldErrors: { [emailField]: [PENDING_NOT_YOURS_TO_REPLACE] } });
  }
  const { count: superseded } = await tx.invitation.updateMany({ where: pendingWhere, data: { supersededAt: new Date() } });
  const created = await tx.invitation.create({
    data: {
      tokenHash: hashToken(token),
      email,
      purpose: request.purpose,
      staffRole: request.purpose === "STAFF" ? request.staffRole : null,
      establishmentId: request.purpose === "MEMBER" ? request.establishmentId : null,
      membershipRole: request.purpose === "MEMBER" ? request.membershipRole : null,
      invitedById: author.invitedById,
      expiresAt,
    },
    select: { id: true, establishment: { select: { name: true } } },
  });
  const role =
    request.purpose === "STAFF"
      ? STAFF_ROLE_LABELS[request.staffRole]
      : invitedMemberRole(created.establishment?.name ?? "", request.membershipRole);
  const message = accountExists
    ? invitationExistingAccountEmail({
        role,
        link,
        expiresAt,
        invitedBy: author.invitedBy,
        signInUrl: new URL("/connexion", env.APP_URL).toString(),
      })
    : invitationEmail({
        role,
        link,
        expiresAt,
        invitedBy: author.invitedBy,
        proSanteConnect: request.purpose === "MEMBER" && proSanteConnectEnabled(),
      });
  await enqueueEmail(tx, { dedupeKey: `invitation:${created.id}`, to: email, ...message });
  await recordAudit(tx, {
    actor: author.actor,
    action: "invitation.created",
    target: { type: "Invitation", id: created.id },
    ip,
    details: {
      email,
      purpose: request.purpose,
      // The journal shows the establishment by its name: to which one a member invited someone.
      ...(request.purpose === "MEMBER" ? { establishmentId: request.establishmentId } : {}),
      role: request.purpose === "STAFF" ? request.staffRole : request.membershipRole,
      superseded,
    },
  });
  return { invitationId: created.id, link, accountExists, superseded };
}

/** The account an address (or an id) already has, as `invitationRefusal` reads it; null when there is none. */
export async function invitedAccount(
  tx: Prisma.TransactionClient,
  where: { email: string } | { id: string },
): Promise<(InvitedAccount & { id: string }) | null> {
  const user = await tx.user.findUnique({
    where,
    select: { id: true, staffRole: true, _count: { select: { memberships: true } } },
  });
  return user && { id: user.id, staffRole: user.staffRole, isMember: user._count.memberships > 0 };
}

/**
 * The address's pending invitation of the other side than `purpose`, as `invitationRefusal` reads
 * it; null when there is none. Read under the address's lock, so that of two invitations of
 * both sides sent at once the second sees the first.
 */
async function pendingOtherSide(
  tx: Prisma.TransactionClient,
  email: string,
  purpose: "STAFF" | "MEMBER",
): Promise<PendingOtherSide | null> {
  const other = await tx.invitation.findFirst({
    where: { email, purpose: purpose === "STAFF" ? "MEMBER" : "STAFF", ...usableLinkWhere(new Date()) },
    orderBy: { createdAt: "desc" },
    select: { purpose: true, establishment: { select: { name: true } } },
  });
  if (!other) return null;
  return other.purpose === "STAFF" ? { purpose: "STAFF" } : { purpose: "MEMBER", establishment: other.establishment?.name ?? "" };
}

/**
 * Why the signed-in account cannot accept an invitation of this purpose, in the words its acceptance
 * would refuse it with (`invitationRefusal`, read from the same account row); null when it can. The
 * invitation page shows it in place of the button; `acceptInvitationWithAccount` still checks.
 */
export async function acceptanceRefusal(viewer: Viewer, purpose: "STAFF" | "MEMBER"): Promise<string | null> {
  return invitationRefusal(await invitedAccount(db, { id: viewer.userId }), purpose, "invitee");
}

export const INVITATION_STATUS_MESSAGES: Readonly<Record<Exclude<LinkStatus, "valid">, string>> = {
  used: "Ce lien d'invitation a déjà été utilisé. Si votre compte est activé, connectez-vous ; sinon, demandez une nouvelle invitation.",
  superseded:
    "Ce lien d'invitation a été remplacé par une invitation plus récente envoyée à la même adresse : utilisez le lien du dernier courriel reçu.",
  // Its canceller unknown (an account since deleted): `invitationStatusMessage` says who when it can.
  cancelled:
    "Cette invitation a été annulée. Si vous pensez que c'est une erreur, demandez une nouvelle invitation à la personne qui vous l'avait envoyée.",
  expired: "Ce lien d'invitation a expiré. Demandez une nouvelle invitation à la personne qui vous a invité(e).",
  unknown: "Ce lien d'invitation n'est pas valide. Vérifiez qu'il a été copié en entier.",
};

type CancelledInvitation = {
  invitedById: string | null;
  cancelledById: string | null;
  cancelledBy: { staffRole: StaffRole | null } | null;
  establishment: { name: string } | null;
};

/** Why an invitation's link cannot be used; a cancelled one says who cancelled it, and whom to ask. */
export function invitationStatusMessage(status: Exclude<LinkStatus, "valid">, invitation: CancelledInvitation | null): string {
  if (status !== "cancelled" || !invitation?.cancelledBy) return INVITATION_STATUS_MESSAGES[status];
  if (invitation.cancelledById === invitation.invitedById)
    return "Cette invitation a été annulée par la personne qui vous l'avait envoyée. Si vous pensez que c'est une erreur, demandez-lui une nouvelle invitation.";
  if (invitation.cancelledBy.staffRole)
    return "Cette invitation a été annulée par l'équipe HospiConnect de l'ANS, et non par la personne qui vous l'avait envoyée. Si vous pensez que c'est une erreur, parlez-en à cette personne : elle peut s'adresser à l'équipe HospiConnect.";
  return `Cette invitation a été annulée par l'équipe de l'établissement «\u00a0${invitation.establishment?.name ?? ""}\u00a0», et non par la personne qui vous l'avait envoyée. Si vous pensez que c'est une erreur, demandez une nouvelle invitation à la direction de l'établissement.`;
}

/** Finds an invitation by the token of its link, with why it cannot be used when it cannot. */
export async function findInvitation(token: string, now = new Date()) {
  const invitation = await db.invitation.findUnique({
    where: { tokenHash: hashToken(token) },
    select: {
      id: true,
      email: true,
      purpose: true,
      staffRole: true,
      establishmentId: true,
      membershipRole: true,
      expiresAt: true,
      usedAt: true,
      supersededAt: true,
      cancelledAt: true,
      invitedById: true,
      cancelledById: true,
      cancelledBy: { select: { staffRole: true } },
      establishment: { select: { name: true } },
    },
  });
  const status = linkStatus(invitation, now);
  // Whoever holds the link reads the invitee's mailbox: telling them that the address has an account discloses nothing.
  const accountExists = invitation !== null && (await db.user.count({ where: { email: invitation.email } })) > 0;
  return { status, invitation, accountExists };
}

/** Throws with the French reason unless the invitation can still be used. */
export async function requireUsableInvitation(token: string) {
  const { status, invitation, accountExists } = await findInvitation(token);
  if (status !== "valid" || !invitation) {
    throw new AppError(
      status === "unknown" ? "NOT_FOUND" : "INVALID_STATE",
      invitationStatusMessage(status as Exclude<LinkStatus, "valid">, invitation),
    );
  }
  return { ...invitation, accountExists };
}

export const ACCOUNT_EXISTS_MESSAGE =
  "Un compte existe déjà pour cette adresse : connectez-vous avec votre moyen habituel, puis ouvrez de nouveau ce lien pour accepter l'invitation.";

/** Throws unless the invitation can still create an account: usable, and no account has its address yet. */
export async function requireInvitationForNewAccount(token: string) {
  const invitation = await requireUsableInvitation(token);
  if (invitation.accountExists) throw new AppError("INVALID_STATE", ACCOUNT_EXISTS_MESSAGE);
  return invitation;
}
