import {
  type Actor,
  availableActions,
  isEditable,
  STATE_LABELS,
  TRANSITIONS,
  type TransitionAction,
} from "@/lib/applications/state-machine";
import type { ApplicationState, MembershipRole, ReviewTier, StaffRole, VerificationState } from "@/lib/db/generated/enums";
import { tierHolding } from "@/lib/follow-up/verification-machine";
import { AppError } from "@/lib/errors/app-error";
import { STAFF_ROLE_LABELS } from "@/lib/identity/staff-role-labels";
import { isReviewRunning, reviewFrozenReason } from "@/lib/review/review-states";
import type { ApiScope } from "@/lib/public-api/token-schema";
import { isOnlyDirector, LAST_DIRECTOR_LEAVING_MESSAGE, type TeamRole } from "@/lib/establishments/team";
import { isMemberOf, type Role, rolesOf, type Viewer } from "./viewer";

/**
 * The one place that decides who may do what. Pages, route handlers and the UI (to hide what a
 * user may not do) all ask here; no other code compares roles.
 *
 * Three layers: the role (permission table below), the ownership (a member acts on their own
 * establishments, a reviewer on the dossiers assigned to them without conflict of interest), and
 * the state (a submitted dossier is no longer editable).
 */
export type Permission =
  | "programme:configure"
  | "reviewer:assign"
  | "application:decide"
  | "application:transition"
  | "extension:grant"
  | "audit:read"
  | "user:manage"
  | "invitation:staff"
  | "invitation:member"
  | "outbox:read"
  | "programme:export"
  | "establishment:read-any"
  /** Register a candidate establishment and invite its director. */
  | "establishment:register"
  | "review:assigned"
  | "jobs:manage"
  | "api-token:manage"
  | "payment:record"
  /** Check declarations of results for the ARS (of the reviewer's regions only: ownership below). */
  | "follow-up:check-regional"
  /** Validate declarations of results for the ANS. */
  | "follow-up:validate-national";

export const ROLE_PERMISSIONS: Readonly<Record<Role, readonly Permission[]>> = {
  // A member's rights come from their establishments (ownership below), not from the role.
  MEMBER: [],
  REVIEWER: ["review:assigned", "follow-up:validate-national"],
  REGIONAL_REVIEWER: ["review:assigned", "follow-up:check-regional"],
  PROGRAMME_MANAGER: [
    "programme:configure",
    "reviewer:assign",
    "application:decide",
    "application:transition",
    "extension:grant",
    "audit:read",
    "user:manage",
    "invitation:staff",
    "invitation:member",
    "outbox:read",
    "programme:export",
    "establishment:read-any",
    "establishment:register",
    "jobs:manage",
    "api-token:manage",
    "payment:record",
    "follow-up:validate-national",
  ],
};

export function hasPermission(viewer: Pick<Viewer, "staffRole" | "memberships"> | null, permission: Permission): boolean {
  return viewer !== null && rolesOf(viewer).some((role) => ROLE_PERMISSIONS[role].includes(permission));
}

export function requirePermission(viewer: Viewer | null, permission: Permission): Viewer {
  if (!viewer) throw new AppError("UNAUTHENTICATED");
  if (!hasPermission(viewer, permission)) throw new AppError("FORBIDDEN");
  return viewer;
}

// ---------------------------------------------------------------------------------------------
// Establishments (profile, roster, members)
// ---------------------------------------------------------------------------------------------

export type EstablishmentAccess = "read" | "edit";

export function canAccessEstablishment(viewer: Viewer | null, establishmentId: string, access: EstablishmentAccess): boolean {
  if (!viewer) return false;
  if (isMemberOf(viewer, establishmentId)) return true;
  return access === "read" && hasPermission(viewer, "establishment:read-any");
}

/** Throws NOT_FOUND (not FORBIDDEN) for another establishment: its existence is not disclosed. */
export function authorizeEstablishment(viewer: Viewer | null, establishmentId: string, access: EstablishmentAccess): Viewer {
  if (!viewer) throw new AppError("UNAUTHENTICATED");
  if (canAccessEstablishment(viewer, establishmentId, access)) return viewer;
  throw new AppError(canAccessEstablishment(viewer, establishmentId, "read") ? "FORBIDDEN" : "NOT_FOUND");
}

/**
 * Inviting a colleague into an establishment: its own members, or a programme manager. The
 * director's rights (declaring results, recording milestones) are given only by the director or a
 * programme manager: a co-editor inviting a « director » would be giving themself those rights.
 */
export function canInviteMember(viewer: Viewer | null, establishmentId: string, role: MembershipRole = "EDITOR"): boolean {
  if (hasPermission(viewer, "invitation:member")) return true;
  if (role === "DIRECTOR") return viewer !== null && isDirectorOf(viewer, establishmentId);
  return canAccessEstablishment(viewer, establishmentId, "edit");
}

export function authorizeMemberInvitation(viewer: Viewer | null, establishmentId: string, role: MembershipRole = "EDITOR"): Viewer {
  if (!viewer) throw new AppError("UNAUTHENTICATED");
  if (canInviteMember(viewer, establishmentId, role)) return viewer;
  if (canInviteMember(viewer, establishmentId))
    throw new AppError("FORBIDDEN", "Seule la direction de l'établissement peut inviter une personne à la direction.");
  throw new AppError("NOT_FOUND");
}

/** A pending invitation, as the rule below needs it. */
export type PendingInvitationFacts = {
  purpose: "STAFF" | "MEMBER";
  establishmentId: string | null;
  membershipRole: MembershipRole | null;
};

/**
 * Cancelling a pending invitation, or replacing it by inviting the same address again (which
 * cancels its link just as well): whoever may send it. Programme managers for the ANS team; for
 * an establishment, those who may invite at its role, so a co-editor never undoes the director's
 * invitation to the direction.
 */
export function canCancelInvitation(viewer: Viewer | null, invitation: PendingInvitationFacts): boolean {
  if (invitation.purpose === "STAFF") return hasPermission(viewer, "invitation:staff");
  return invitation.establishmentId !== null && canInviteMember(viewer, invitation.establishmentId, invitation.membershipRole ?? "EDITOR");
}

/**
 * Taking someone off an establishment's team (a colleague who left): its director, or a programme
 * manager. A co-editor may not remove anyone, not even a fellow co-editor.
 */
export function canRemoveMember(viewer: Viewer | null, establishmentId: string): boolean {
  return hasPermission(viewer, "invitation:member") || (viewer !== null && isDirectorOf(viewer, establishmentId));
}

export function authorizeMemberRemoval(viewer: Viewer | null, establishmentId: string): Viewer {
  return authorizeTeamChange(viewer, establishmentId, "Seule la direction de l'établissement peut retirer une personne de l'équipe.");
}

/**
 * Leaving an establishment's team oneself (a co-editor who changes jobs, a director handing over):
 * any member ends their own membership, except its only director, so that someone can still declare
 * its results and invite. `team` is the establishment's, read when deciding.
 */
export function canLeaveTeam(viewer: Viewer | null, establishmentId: string, team: readonly TeamRole[]): boolean {
  return viewer !== null && isMemberOf(viewer, establishmentId) && !isOnlyDirector(team, viewer.userId);
}

/**
 * Without `team`, only whether the viewer is on it (checked before anything is read or locked);
 * with it, also whether they would leave the establishment without a director. A programme manager
 * is told they are not on the team; anyone else does not learn of the establishment.
 */
export function authorizeTeamDeparture(viewer: Viewer | null, establishmentId: string, team?: readonly TeamRole[]): Viewer {
  if (!viewer) throw new AppError("UNAUTHENTICATED");
  if (!isMemberOf(viewer, establishmentId)) {
    if (canAccessEstablishment(viewer, establishmentId, "read"))
      throw new AppError("FORBIDDEN", "Vous ne faites pas partie de l'équipe de cet établissement.");
    throw new AppError("NOT_FOUND");
  }
  if (team && !canLeaveTeam(viewer, establishmentId, team)) throw new AppError("INVALID_STATE", LAST_DIRECTOR_LEAVING_MESSAGE);
  return viewer;
}

/**
 * Changing a member's role (direction ↔ co-rédaction): whoever may take them off the team. The
 * director's rights are given only by the director or a programme manager, as at the invitation.
 */
export function canChangeMemberRole(viewer: Viewer | null, establishmentId: string): boolean {
  return canRemoveMember(viewer, establishmentId);
}

export function authorizeMemberRoleChange(viewer: Viewer | null, establishmentId: string): Viewer {
  return authorizeTeamChange(
    viewer,
    establishmentId,
    "Seule la direction de l'établissement peut changer le rôle d'une personne de l'équipe.",
  );
}

/** A change of the team by the director or a programme manager: FORBIDDEN for a co-editor, NOT_FOUND for anyone else. */
function authorizeTeamChange(viewer: Viewer | null, establishmentId: string, refusal: string): Viewer {
  if (!viewer) throw new AppError("UNAUTHENTICATED");
  if (canRemoveMember(viewer, establishmentId)) return viewer;
  if (canAccessEstablishment(viewer, establishmentId, "read")) throw new AppError("FORBIDDEN", refusal);
  throw new AppError("NOT_FOUND");
}

/** The person whose access is to be recovered, as the policy needs them. */
export type AccountFacts = { userId: string; staffRole: StaffRole | null; establishmentIds: readonly string[] };

/**
 * Sending a person who lost their keys a link to register a new one (ADR 0034): someone who answers
 * for them and can check, by voice, that the request is theirs. For ANS and ARS staff, a programme
 * manager; for an establishment's member, a director of one of their establishments, or a programme
 * manager. Never for oneself: whoever can sign in adds a key on « Mon compte ».
 */
export function canRecoverAccess(viewer: Viewer | null, account: AccountFacts): boolean {
  if (!viewer || viewer.userId === account.userId) return false;
  if (hasPermission(viewer, "user:manage")) return true;
  return account.staffRole === null && account.establishmentIds.some((establishmentId) => isDirectorOf(viewer, establishmentId));
}

export function authorizeAccessRecovery(viewer: Viewer | null, account: AccountFacts): Viewer {
  if (!viewer) throw new AppError("UNAUTHENTICATED");
  if (canRecoverAccess(viewer, account)) return viewer;
  if (viewer.userId === account.userId)
    throw new AppError("FORBIDDEN", "Vous êtes connecté(e) : ajoutez une nouvelle clé depuis « Mon compte ».");
  if (account.establishmentIds.some((establishmentId) => isMemberOf(viewer, establishmentId)))
    throw new AppError("FORBIDDEN", "Seule la direction de l'établissement ou l'ANS peut rétablir l'accès d'une personne.");
  throw new AppError("NOT_FOUND");
}

function isDirectorOf(viewer: Viewer, establishmentId: string): boolean {
  return viewer.memberships.some((membership) => membership.establishmentId === establishmentId && membership.role === "DIRECTOR");
}

// ---------------------------------------------------------------------------------------------
// Invitations to an address that already has an account (ADR 0007, « Order and timing »)
// ---------------------------------------------------------------------------------------------

/** The account an invitation's address already has, as the rule below needs it. */
export type InvitedAccount = { staffRole: StaffRole | null; isMember: boolean };

/**
 * An invitation of the other side still pending for the address (a staff role when a member is
 * invited, an establishment when staff is): accepting the first would make the second one
 * impossible to accept.
 */
export type PendingOtherSide = { purpose: "STAFF" } | { purpose: "MEMBER"; establishment: string };

/**
 * Why an invitation may not be sent to, or accepted by, an account that exists, in French for
 * whoever reads it (`inviter` when sent, `invitee` at acceptance); null when it may. An invitation
 * gives a role to an account that has none, or one more establishment to a member: it never
 * changes a staff role (the users' page does, refusing while the reviewer holds reviews the new
 * role would not cover), and never puts one account on both sides, applying and reviewing,
 * verifying or deciding (a conflict of interests the review's checks do not see).
 */
export function invitationRefusal(
  account: InvitedAccount | null,
  purpose: "STAFF" | "MEMBER",
  reader: "inviter" | "invitee",
  /**
   * When sent: the address's pending invitation of the other side, if any. The same conflict of
   * interests, caught before an establishment waits on a director invitation nobody can accept.
   * A staff invitation names the establishment (its sender, a programme manager, sees them all);
   * a member invitation, which a director may send, does not name the staff role.
   */
  pending: PendingOtherSide | null = null,
): string | null {
  const byInviter = reader === "inviter";
  if (byInviter && pending && pending.purpose !== purpose) {
    return pending.purpose === "MEMBER"
      ? `Cette adresse est déjà invitée à rejoindre l'établissement « ${pending.establishment} » : un même compte ne peut pas déposer des dossiers et les instruire, les vérifier ou en décider (conflit d'intérêts). Annulez d'abord cette invitation depuis la page de l'établissement, ou invitez la personne à son adresse de l'ANS ou de son ARS.`
      : "Cette adresse est déjà invitée à rejoindre l'ANS ou une ARS : elle ne pourra pas aussi être membre d'un établissement candidat (conflit d'intérêts). Invitez la personne à son adresse dans l'établissement, ou faites d'abord annuler l'invitation de l'ANS.";
  }
  if (!account) return null;
  if (purpose === "STAFF" && account.staffRole)
    return byInviter
      ? `Cette adresse a déjà un compte, au rôle « ${STAFF_ROLE_LABELS[account.staffRole]} » : une invitation ne change pas un rôle. Changez-le depuis « Utilisateurs de l'ANS » (la fiche d'instructeur pour un instructeur), qui vérifie d'abord les dossiers que la personne a encore à évaluer.`
      : `Votre compte a déjà le rôle « ${STAFF_ROLE_LABELS[account.staffRole]} » : une invitation ne change pas un rôle. Demandez à un chargé ou une chargée de programme de changer votre rôle depuis « Utilisateurs de l'ANS ».`;
  if (purpose === "STAFF" && account.isMember)
    return byInviter
      ? "Cette adresse est celle d'un membre d'un établissement candidat : un même compte ne peut pas déposer des dossiers et les instruire, les vérifier ou en décider (conflit d'intérêts). Invitez la personne à son adresse de l'ANS ou de son ARS."
      : "Votre compte est celui d'un membre d'un établissement candidat : il ne peut pas recevoir un rôle de l'ANS ou d'une ARS (conflit d'intérêts). Demandez à la personne qui vous a invité(e) de vous inviter à votre adresse de l'ANS ou de votre ARS.";
  if (purpose === "MEMBER" && account.staffRole)
    return byInviter
      ? "Cette adresse est celle d'un compte de l'ANS ou d'une ARS : il ne peut pas être membre d'un établissement candidat (conflit d'intérêts). Invitez la personne à son adresse dans l'établissement."
      : "Votre compte est celui de l'ANS ou d'une ARS : il ne peut pas être membre d'un établissement candidat (conflit d'intérêts). Demandez à la personne qui vous a invité(e) de vous inviter à votre adresse dans l'établissement.";
  return null;
}

// ---------------------------------------------------------------------------------------------
// Applications (dossiers)
// ---------------------------------------------------------------------------------------------

/** What the policy needs to know about a dossier: load it first, never trust ids from the client. */
export type ApplicationFacts = {
  establishmentId: string;
  /** The establishment's region: an ARS reviewer reaches only the dossiers of their regions. */
  regionCode: string;
  state: ApplicationState;
  /** Reviewers assigned to the dossier; `hasConflict` null until they declare. */
  reviewers: ReadonlyArray<{ reviewerId: string; hasConflict: boolean | null; tier: ReviewTier }>;
};

export type ApplicationAccess =
  /** See the dossier and its history. */
  | "read"
  /** Change its content (draft only). */
  | "edit"
  /** Move it through the applicant's transitions (submit, withdraw, answer a request). */
  | "apply"
  /** Write in the dossier's message thread. */
  | "message"
  /** Declare interests on an assignment (seeing only the establishment's name, FINESS, category and region). */
  | "declare-conflict"
  /** Score it (assigned, no conflict declared, under review). */
  | "review"
  /** The programme's transitions (start review, request information, decide). */
  | "manage"
  /** Declare the results of a selected dossier: it engages the establishment, so its director only. */
  | "declare-results"
  /** Record the days the milestones of a selected dossier were done: the establishment's director, like the declaration. */
  | "record-milestones";

/**
 * The viewer's live assignment on the dossier: none for a declared conflict (it ended the
 * assignment), and none for an ARS reviewer outside their regions, whatever the rows say.
 */
function assignment(viewer: Viewer, facts: ApplicationFacts) {
  if (viewer.staffRole !== "REVIEWER" && viewer.staffRole !== "REGIONAL_REVIEWER") return undefined;
  if (viewer.staffRole === "REGIONAL_REVIEWER" && !(viewer.regionCodes ?? []).includes(facts.regionCode)) return undefined;
  const assigned = facts.reviewers.find((reviewer) => reviewer.reviewerId === viewer.userId);
  return assigned && assigned.hasConflict !== true && facts.state !== "DRAFT" ? assigned : undefined;
}

function isVisible(viewer: Viewer, facts: ApplicationFacts): boolean {
  if (isMemberOf(viewer, facts.establishmentId)) return true;
  // Programme managers follow drafts too (to help applicants, grant extensions).
  if (hasPermission(viewer, "establishment:read-any")) return true;
  // A reviewer sees the dossier once they have declared no conflict of interests.
  return assignment(viewer, facts)?.hasConflict === false;
}

export type Refusal = "not-visible" | "role" | "state";

export function decideApplicationAccess(
  viewer: Viewer,
  facts: ApplicationFacts,
  access: ApplicationAccess,
): { allowed: true } | { allowed: false; refusal: Refusal } {
  const refuse = (refusal: Refusal) => ({ allowed: false as const, refusal });
  const assigned = assignment(viewer, facts);
  if (!isVisible(viewer, facts) && !(access === "declare-conflict" && assigned)) return refuse("not-visible");
  const member = isMemberOf(viewer, facts.establishmentId);
  switch (access) {
    case "read":
      return { allowed: true };
    case "edit":
      if (!member) return refuse("role");
      return isEditable(facts.state) ? { allowed: true } : refuse("state");
    case "apply":
      return member ? { allowed: true } : refuse("role");
    case "message":
      return member || hasPermission(viewer, "application:transition") || (assigned && assigned.hasConflict === false)
        ? { allowed: true }
        : refuse("role");
    case "declare-conflict":
      return assigned ? { allowed: true } : refuse("role");
    case "review":
      if (!assigned || assigned.hasConflict !== false) return refuse("role");
      return isReviewRunning(facts.state) ? { allowed: true } : refuse("state");
    case "manage":
      return hasPermission(viewer, "application:transition") ? { allowed: true } : refuse("role");
    case "declare-results":
    case "record-milestones":
      if (!isDirectorOf(viewer, facts.establishmentId)) return refuse("role");
      return facts.state === "SELECTED" ? { allowed: true } : refuse("state");
  }
}

type RefusalByReason = { state: (state: ApplicationState) => string; role: string };

/** Why an access is refused, in French; `edit` and `review` depend on the reason (a manager on a draft is not refused for its state). */
const REFUSAL_MESSAGES: Readonly<Record<Exclude<ApplicationAccess, "edit" | "review">, string>> & {
  edit: RefusalByReason;
  review: RefusalByReason;
} = {
  read: "Vous n'avez pas accès à ce dossier.",
  edit: {
    // The dossier's own state: « déposé » said of a withdrawn or decided one sent its authors looking for the wrong cause.
    state: (state) => `Ce dossier est à l'état « ${STATE_LABELS[state]} » : il n'est plus modifiable.`,
    role: "Seuls les membres de l'établissement modifient son dossier : vous pouvez le consulter et leur écrire dans le fil de discussion.",
  },
  apply: "Seuls les membres de l'établissement peuvent effectuer cette action.",
  message: "Vous ne pouvez pas écrire dans ce fil de discussion.",
  "declare-conflict": "Ce dossier ne vous est pas attribué.",
  review: {
    // The workspace's notice: a reviewer whose dossier awaits a complement was sent back to a declaration made long ago.
    state: reviewFrozenReason,
    role: "Vous ne pouvez pas évaluer ce dossier : déclarez d'abord l'absence de conflit d'intérêts.",
  },
  manage: "Cette action est réservée aux chargés de programme.",
  "declare-results": "Seul le directeur ou la directrice de l'établissement déclare les résultats d'un dossier retenu.",
  "record-milestones": "Seul le directeur ou la directrice de l'établissement indique la réalisation des jalons d'un dossier retenu.",
};

/** Throws NOT_FOUND for a dossier the viewer cannot see, FORBIDDEN or INVALID_STATE otherwise. */
export function authorizeApplication(viewer: Viewer | null, facts: ApplicationFacts, access: ApplicationAccess): Viewer {
  if (!viewer) throw new AppError("UNAUTHENTICATED");
  const decision = decideApplicationAccess(viewer, facts, access);
  if (decision.allowed) return viewer;
  if (decision.refusal === "not-visible") throw new AppError("NOT_FOUND");
  throw new AppError(decision.refusal === "state" ? "INVALID_STATE" : "FORBIDDEN", refusalMessage(access, decision.refusal, facts.state));
}

/**
 * The roles of the state machine in which a person moves a dossier by hand, and the access each
 * needs. A reviewer moves one only by submitting the review that completes the last tier
 * (lib/review/tier-completion.ts), never from the dossier's actions.
 */
const TRANSITION_ACCESS = { MEMBER: "apply", PROGRAMME_MANAGER: "manage" } as const satisfies Partial<Record<Actor, ApplicationAccess>>;
type HandActor = keyof typeof TRANSITION_ACCESS;
const HAND_ACTORS = Object.keys(TRANSITION_ACCESS) as HandActor[];

/** The transitions the viewer may take on the dossier in its state: what the dossier page offers. */
export function availableTransitions(viewer: Viewer, facts: ApplicationFacts): TransitionAction[] {
  return HAND_ACTORS.filter((actor) => decideApplicationAccess(viewer, facts, TRANSITION_ACCESS[actor]).allowed).flatMap((actor) =>
    availableActions(facts.state, actor),
  );
}

/**
 * The role in which the viewer takes `action` on the dossier, from the state machine's table; throws
 * like authorizeApplication when they hold none (the state itself is the state machine's to check).
 */
export function authorizeTransition(viewer: Viewer | null, facts: ApplicationFacts, action: TransitionAction): Actor {
  const actors = HAND_ACTORS.filter((actor) => TRANSITIONS.some((transition) => transition.action === action && transition.by === actor));
  const allowed = actors.find((actor) => viewer && decideApplicationAccess(viewer, facts, TRANSITION_ACCESS[actor]).allowed);
  if (allowed) return allowed;
  authorizeApplication(viewer, facts, actors[0] ? TRANSITION_ACCESS[actors[0]] : "manage");
  throw new AppError("FORBIDDEN");
}

/** The French reason of a refused access, for the refusal itself and for pages that show it beforehand; `state`: the dossier's. */
export function refusalMessage(access: ApplicationAccess, refusal: Exclude<Refusal, "not-visible">, state: ApplicationState): string {
  if (access !== "edit" && access !== "review") return REFUSAL_MESSAGES[access];
  return refusal === "state" ? REFUSAL_MESSAGES[access].state(state) : REFUSAL_MESSAGES[access].role;
}

// ---------------------------------------------------------------------------------------------
// Reviews (independence between reviewers)
// ---------------------------------------------------------------------------------------------

/**
 * Which tiers' reviews of a dossier the viewer may read, besides their own. Programme managers
 * read them all, at any time. A reviewer reads the reviews of earlier tiers (ANS reviewers build on
 * the ARS's), and those of their own tier only once they have submitted theirs: nobody is swayed
 * by a colleague before judging. Applicants read none here (decisions say what is released).
 */
export function reviewTiersVisibleTo(
  viewer: Viewer,
  facts: ApplicationFacts,
  own: { tier: ReviewTier; submitted: boolean } | null,
): readonly ReviewTier[] {
  if (hasPermission(viewer, "reviewer:assign")) return ["REGIONAL", "NATIONAL"];
  if (!own || assignment(viewer, facts)?.hasConflict !== false) return [];
  const earlier: ReviewTier[] = own.tier === "NATIONAL" ? ["REGIONAL"] : [];
  return own.submitted ? [...earlier, own.tier] : earlier;
}

/** Whether the viewer may read other reviewers' names (managers always; reviewers unless the wave keeps them anonymous). */
export function canSeeReviewerNames(viewer: Viewer, wave: { reviewersAnonymous: boolean }): boolean {
  return hasPermission(viewer, "reviewer:assign") || !wave.reviewersAnonymous;
}

/**
 * A reviewer acting on one of their assignments (declaring, scoring, submitting): it must be
 * theirs, then the dossier's policy applies. Someone else's assignment does not exist for them.
 */
export function authorizeOwnAssignment(
  viewer: Viewer | null,
  facts: ApplicationFacts,
  assignment: { reviewerId: string },
  access: "declare-conflict" | "review",
): Viewer {
  if (!viewer) throw new AppError("UNAUTHENTICATED");
  if (assignment.reviewerId !== viewer.userId) throw new AppError("NOT_FOUND");
  return authorizeApplication(viewer, facts, access);
}

// ---------------------------------------------------------------------------------------------
// Verification of declared results (ADR 0020)
// ---------------------------------------------------------------------------------------------

/** What a verifier does: read the declaration, or decide at a tier (check for the ARS, validate for the ANS). */
export type VerificationAccess = "read" | ReviewTier;

export const TIER_PERMISSION = {
  REGIONAL: "follow-up:check-regional",
  NATIONAL: "follow-up:validate-national",
} as const satisfies Record<ReviewTier, Permission>;

/**
 * Whether the viewer verifies the dossier's results at a tier: an ARS reviewer for the
 * establishments of their regions, ANS reviewers and programme managers nationally. Whoever
 * declared a conflict of interests on the dossier stays out of its verification too.
 */
export function verifiesAt(viewer: Viewer, facts: ApplicationFacts, tier: ReviewTier): boolean {
  if (facts.state !== "SELECTED" || !hasPermission(viewer, TIER_PERMISSION[tier])) return false;
  if (facts.reviewers.some((reviewer) => reviewer.reviewerId === viewer.userId && reviewer.hasConflict === true)) return false;
  return tier === "NATIONAL" || (viewer.regionCodes ?? []).includes(facts.regionCode);
}

/** The tiers whose queue of declarations the viewer works through. */
export function verificationTiersOf(viewer: Viewer): ReviewTier[] {
  return (["REGIONAL", "NATIONAL"] as const).filter((tier) => hasPermission(viewer, TIER_PERMISSION[tier]));
}

export function decideVerificationAccess(
  viewer: Viewer,
  facts: ApplicationFacts,
  access: VerificationAccess,
): { allowed: true } | { allowed: false; refusal: Refusal } {
  const verifier = verifiesAt(viewer, facts, "REGIONAL") || verifiesAt(viewer, facts, "NATIONAL");
  if (!verifier && !decideApplicationAccess(viewer, facts, "read").allowed) return { allowed: false, refusal: "not-visible" };
  if (access === "read" || verifiesAt(viewer, facts, access)) return { allowed: true };
  return { allowed: false, refusal: "role" };
}

/**
 * Throws NOT_FOUND for a dossier the viewer neither reads nor verifies, FORBIDDEN for a tier that
 * is not theirs. Which step the state allows is the verification machine's to say.
 */
export function authorizeVerification(viewer: Viewer | null, facts: ApplicationFacts, access: VerificationAccess): Viewer {
  if (!viewer) throw new AppError("UNAUTHENTICATED");
  const decision = decideVerificationAccess(viewer, facts, access);
  if (decision.allowed) return viewer;
  if (decision.refusal === "not-visible") throw new AppError("NOT_FOUND");
  throw new AppError(
    "FORBIDDEN",
    access === "REGIONAL"
      ? "Seule l'ARS de la région de l'établissement vérifie cette déclaration."
      : "Seuls les instructeurs et les chargés de programme de l'ANS valident cette déclaration.",
  );
}

/** The tier at which the viewer may decide now: the one holding the declaration, if it is theirs. */
export function verificationTierFor(viewer: Viewer, facts: ApplicationFacts, state: VerificationState): ReviewTier | null {
  const tier = tierHolding(state);
  return tier && verifiesAt(viewer, facts, tier) ? tier : null;
}

// ---------------------------------------------------------------------------------------------
// Public read API (/api/v1, ADR 0015)
// ---------------------------------------------------------------------------------------------

/**
 * What each scope of a token reads, as the permission its owner must hold at the time of the call:
 * a token is its owner narrowed to its scopes, so an owner who loses the role loses the API too.
 */
export const API_SCOPE_PERMISSIONS: Readonly<Record<ApiScope, Permission>> = {
  "waves:read": "programme:export",
  "dossiers:read": "establishment:read-any",
  "establishments:read": "establishment:read-any",
};

/** Whether a token's owner still holds what one of its scopes reads: else every call of it is refused. */
export function ownerHoldsAnyApiScope(owner: Pick<Viewer, "staffRole" | "memberships">, scopes: readonly string[]): boolean {
  return scopes.some(
    (scope) => Object.hasOwn(API_SCOPE_PERMISSIONS, scope) && hasPermission(owner, API_SCOPE_PERMISSIONS[scope as ApiScope]),
  );
}

/** Creating tokens, listing the programme's and revoking any of them (a leaked one, a departure). */
export function canManageApiTokens(viewer: Viewer | null): boolean {
  return hasPermission(viewer, "api-token:manage");
}

/** A token may only carry scopes its creator could use. */
export function authorizeApiTokenCreation(viewer: Viewer | null, scopes: readonly ApiScope[]): Viewer {
  const manager = requirePermission(viewer, "api-token:manage");
  const beyond = scopes.filter((scope) => !hasPermission(manager, API_SCOPE_PERMISSIONS[scope]));
  if (beyond.length > 0) throw new AppError("FORBIDDEN", "Vous ne pouvez pas accorder à un jeton un accès que vous n'avez pas.");
  return manager;
}

/** A call of the API: its token holds the scope, and the owner still holds what the scope reads. */
export function authorizeApiScope(caller: { viewer: Viewer; scopes: readonly string[] }, scope: ApiScope): Viewer {
  if (!caller.scopes.includes(scope)) {
    throw new AppError("FORBIDDEN", `Ce jeton n'a pas la portée « ${scope} » : créez-en un qui l'a.`);
  }
  if (!hasPermission(caller.viewer, API_SCOPE_PERMISSIONS[scope])) {
    throw new AppError("FORBIDDEN", "La personne qui a créé ce jeton n'a plus accès à ces données.");
  }
  return caller.viewer;
}

// ---------------------------------------------------------------------------------------------
// Background exports (ADR 0019)
// ---------------------------------------------------------------------------------------------

/**
 * A background export's file belongs to the programme manager who asked for it, and to them only,
 * while they still may export: another manager makes their own (the audit log then says who
 * extracted what). Someone else's export does not exist for them.
 */
export function canReadExport(viewer: Viewer | null, exportJob: { requestedById: string }): boolean {
  return viewer !== null && hasPermission(viewer, "programme:export") && exportJob.requestedById === viewer.userId;
}

export function authorizeExport(viewer: Viewer | null, exportJob: { requestedById: string }): Viewer {
  requirePermission(viewer, "programme:export");
  if (!canReadExport(viewer, exportJob)) throw new AppError("NOT_FOUND");
  return viewer!;
}

// ---------------------------------------------------------------------------------------------
// Sessions (« Mon compte »)
// ---------------------------------------------------------------------------------------------

/**
 * Anyone signed in closes their own other sessions (a browser left signed in elsewhere), whatever
 * their role. The session the request comes from ends with « Se déconnecter », which also clears
 * the browser's cookie.
 */
export function canCloseSession(viewer: Viewer | null, session: { id: string; userId: string }): boolean {
  return viewer !== null && session.userId === viewer.userId && session.id !== viewer.sessionId;
}

/** Another person's session is reported missing, like one that does not exist (as their keys are). */
export function authorizeSessionClosing(viewer: Viewer | null, session: { id: string; userId: string } | null): Viewer {
  if (!viewer) throw new AppError("UNAUTHENTICATED");
  if (!session || session.userId !== viewer.userId) throw new AppError("NOT_FOUND", "Cette session n'existe pas.");
  if (!canCloseSession(viewer, session)) {
    throw new AppError("INVALID_STATE", "Pour fermer la session en cours, utilisez « Se déconnecter ».");
  }
  return viewer;
}
