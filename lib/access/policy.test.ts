import { describe, expect, it } from "vitest";
import type { ApplicationState } from "@/lib/db/generated/enums";
import {
  type ApplicationAccess,
  type ApplicationFacts,
  authorizeApiScope,
  ownerHoldsAnyApiScope,
  authorizeApiTokenCreation,
  authorizeAccessRecovery,
  authorizeApplication,
  authorizeMemberInvitation,
  authorizeSessionClosing,
  authorizeTeamDeparture,
  authorizeTransition,
  authorizeVerification,
  availableTransitions,
  canAccessEstablishment,
  canCancelInvitation,
  canManageApiTokens,
  canRecoverAccess,
  canCloseSession,
  canLeaveTeam,
  canSeeReviewerNames,
  decideApplicationAccess,
  decideVerificationAccess,
  hasPermission,
  reviewTiersVisibleTo,
  verificationTierFor,
  verificationTiersOf,
  verifiesAt,
} from "./policy";
import type { Viewer } from "./viewer";
import { testViewer as viewer } from "./viewer.test-helpers";

const member = viewer({ userId: "member", memberships: [{ establishmentId: "own", role: "DIRECTOR" }] });
const manager = viewer({ userId: "manager", staffRole: "PROGRAMME_MANAGER" });
const reviewer = viewer({ userId: "reviewer", staffRole: "REVIEWER" });
const conflicted = viewer({ userId: "conflicted", staffRole: "REVIEWER" });
const undeclared = viewer({ userId: "undeclared", staffRole: "REVIEWER" });
const editor = viewer({ userId: "editor", memberships: [{ establishmentId: "own", role: "EDITOR" }] });
const stranger = viewer({ userId: "stranger", memberships: [{ establishmentId: "other", role: "DIRECTOR" }] });

const arsHere = viewer({ userId: "ars-here", staffRole: "REGIONAL_REVIEWER", regionCodes: ["75", "11"] });
const arsElsewhere = viewer({ userId: "ars-elsewhere", staffRole: "REGIONAL_REVIEWER", regionCodes: ["11"] });

const facts = (state: ApplicationState): ApplicationFacts => ({
  establishmentId: "own",
  regionCode: "75",
  state,
  reviewers: [
    { reviewerId: "reviewer", hasConflict: false, tier: "NATIONAL" },
    { reviewerId: "conflicted", hasConflict: true, tier: "NATIONAL" },
    { reviewerId: "undeclared", hasConflict: null, tier: "NATIONAL" },
    { reviewerId: "ars-here", hasConflict: false, tier: "REGIONAL" },
    { reviewerId: "ars-elsewhere", hasConflict: false, tier: "REGIONAL" },
  ],
});

type Row = [string, Viewer, ApplicationState, ApplicationAccess, "allowed" | "not-visible" | "role" | "state"];

/** Who may do what on the establishment "own"'s dossier, state by state. */
const TABLE: Row[] = [
  ["member reads own draft", member, "DRAFT", "read", "allowed"],
  ["member edits own draft", member, "DRAFT", "edit", "allowed"],
  ["member cannot edit a submitted dossier", member, "SUBMITTED", "edit", "state"],
  ["member cannot edit a dossier under review", member, "UNDER_REVIEW", "edit", "state"],
  ["member submits", member, "DRAFT", "apply", "allowed"],
  ["member writes messages", member, "UNDER_REVIEW", "message", "allowed"],
  ["member cannot score", member, "UNDER_REVIEW", "review", "role"],
  ["member cannot decide", member, "SCORED", "manage", "role"],
  ["director declares the results of a selected dossier", member, "SELECTED", "declare-results", "allowed"],
  ["director declares no results before selection", member, "SCORED", "declare-results", "state"],
  ["a co-editor does not declare results", editor, "SELECTED", "declare-results", "role"],
  ["manager does not declare results", manager, "SELECTED", "declare-results", "role"],
  ["another establishment cannot declare results", stranger, "SELECTED", "declare-results", "not-visible"],
  ["another establishment cannot see a draft", stranger, "DRAFT", "read", "not-visible"],
  ["another establishment cannot see a submitted dossier", stranger, "SUBMITTED", "read", "not-visible"],
  ["another establishment cannot edit", stranger, "DRAFT", "edit", "not-visible"],
  ["manager reads drafts", manager, "DRAFT", "read", "allowed"],
  ["manager cannot edit an applicant's content", manager, "DRAFT", "edit", "role"],
  ["manager manages", manager, "SCORED", "manage", "allowed"],
  ["manager cannot score", manager, "UNDER_REVIEW", "review", "role"],
  ["assigned reviewer reads under review", reviewer, "UNDER_REVIEW", "read", "allowed"],
  ["assigned reviewer scores under review", reviewer, "UNDER_REVIEW", "review", "allowed"],
  ["assigned reviewer cannot score once scored", reviewer, "SCORED", "review", "state"],
  ["assigned reviewer never sees drafts", reviewer, "DRAFT", "read", "not-visible"],
  ["assigned reviewer cannot edit", reviewer, "UNDER_REVIEW", "edit", "role"],
  ["assigned reviewer cannot manage", reviewer, "UNDER_REVIEW", "manage", "role"],
  ["conflicted reviewer cannot see the dossier", conflicted, "UNDER_REVIEW", "read", "not-visible"],
  ["conflicted reviewer cannot score", conflicted, "UNDER_REVIEW", "review", "not-visible"],
  ["a declared conflict ends the assignment: nothing more to declare", conflicted, "UNDER_REVIEW", "declare-conflict", "not-visible"],
  ["undeclared reviewer cannot read the dossier yet", undeclared, "UNDER_REVIEW", "read", "not-visible"],
  ["undeclared reviewer cannot write messages", undeclared, "UNDER_REVIEW", "message", "not-visible"],
  ["ARS reviewer of the dossier's region scores it", arsHere, "UNDER_REVIEW", "review", "allowed"],
  ["ARS reviewer of another region cannot see it, even assigned", arsElsewhere, "UNDER_REVIEW", "read", "not-visible"],
  ["ARS reviewer of another region cannot declare on it", arsElsewhere, "UNDER_REVIEW", "declare-conflict", "not-visible"],
  ["undeclared reviewer must declare before scoring", undeclared, "UNDER_REVIEW", "review", "not-visible"],
  ["undeclared reviewer declares", undeclared, "UNDER_REVIEW", "declare-conflict", "allowed"],
  ["unassigned reviewer sees nothing", viewer({ userId: "other-reviewer", staffRole: "REVIEWER" }), "UNDER_REVIEW", "read", "not-visible"],
];

describe("dossier access policy", () => {
  it.each(TABLE)("%s", (_label, who, state, access, expected) => {
    const decision = decideApplicationAccess(who, facts(state), access);
    expect(decision.allowed ? "allowed" : decision.refusal).toBe(expected);
  });
});

describe("the transitions a viewer may take", () => {
  it("offers each role the state machine's moves from the dossier's state, and nobody else anything", () => {
    expect(availableTransitions(member, facts("DRAFT"))).toEqual(["submit", "withdraw"]);
    expect(availableTransitions(manager, facts("DRAFT"))).toEqual([]);
    expect(availableTransitions(manager, facts("SCORED"))).toEqual(["reopenReview", "select", "reject"]);
    expect(availableTransitions(member, facts("SCORED"))).toEqual([]);
    // A reviewer completes the scoring by submitting a review, not from the dossier's actions.
    expect(availableTransitions(reviewer, facts("UNDER_REVIEW"))).toEqual([]);
    expect(availableTransitions(stranger, facts("DRAFT"))).toEqual([]);
  });

  it("names the role a move is taken in, and refuses it like any access to the dossier", () => {
    expect(authorizeTransition(member, facts("INFORMATION_REQUESTED"), "answerInformationRequest")).toBe("MEMBER");
    expect(authorizeTransition(manager, facts("UNDER_REVIEW"), "completeScoring")).toBe("PROGRAMME_MANAGER");
    expect(() => authorizeTransition(member, facts("SUBMITTED"), "startReview")).toThrow(expect.objectContaining({ code: "FORBIDDEN" }));
    expect(() => authorizeTransition(manager, facts("SUBMITTED"), "withdraw")).toThrow(expect.objectContaining({ code: "FORBIDDEN" }));
    expect(() => authorizeTransition(reviewer, facts("UNDER_REVIEW"), "completeScoring")).toThrow(
      expect.objectContaining({ code: "FORBIDDEN" }),
    );
    expect(() => authorizeTransition(stranger, facts("DRAFT"), "withdraw")).toThrow(expect.objectContaining({ code: "NOT_FOUND" }));
    expect(() => authorizeTransition(null, facts("DRAFT"), "withdraw")).toThrow(expect.objectContaining({ code: "UNAUTHENTICATED" }));
  });
});

describe("the refusal of a review", () => {
  it("names the dossier's state to a reviewer who declared, the declaration to one who has not", () => {
    expect(() => authorizeApplication(reviewer, facts("INFORMATION_REQUESTED"), "review")).toThrow(
      expect.objectContaining({ code: "INVALID_STATE", message: expect.stringMatching(/^Le dossier attend le complément demandé/) }),
    );
    expect(() => authorizeApplication(reviewer, facts("WITHDRAWN"), "review")).toThrow(
      expect.objectContaining({
        code: "INVALID_STATE",
        message: expect.stringMatching(/^L'instruction de ce dossier est close \(« Retiré »\)/),
      }),
    );
    expect(() => authorizeApplication(member, facts("UNDER_REVIEW"), "review")).toThrow(
      expect.objectContaining({ code: "FORBIDDEN", message: expect.stringContaining("déclarez d'abord l'absence de conflit d'intérêts") }),
    );
  });
});

describe("review independence", () => {
  it("shows a reviewer no review of their tier before they submit their own, earlier tiers always", () => {
    const national = { tier: "NATIONAL" as const, submitted: false };
    expect(reviewTiersVisibleTo(reviewer, facts("UNDER_REVIEW"), national)).toEqual(["REGIONAL"]);
    expect(reviewTiersVisibleTo(reviewer, facts("UNDER_REVIEW"), { ...national, submitted: true })).toEqual(["REGIONAL", "NATIONAL"]);
    expect(reviewTiersVisibleTo(arsHere, facts("UNDER_REVIEW"), { tier: "REGIONAL", submitted: false })).toEqual([]);
    expect(reviewTiersVisibleTo(arsHere, facts("UNDER_REVIEW"), { tier: "REGIONAL", submitted: true })).toEqual(["REGIONAL"]);
  });

  it("shows nothing to conflicted, undeclared or unassigned people, everything to managers", () => {
    const own = { tier: "NATIONAL" as const, submitted: true };
    expect(reviewTiersVisibleTo(conflicted, facts("UNDER_REVIEW"), own)).toEqual([]);
    expect(reviewTiersVisibleTo(undeclared, facts("UNDER_REVIEW"), own)).toEqual([]);
    expect(reviewTiersVisibleTo(member, facts("SCORED"), null)).toEqual([]);
    expect(reviewTiersVisibleTo(manager, facts("UNDER_REVIEW"), null)).toEqual(["REGIONAL", "NATIONAL"]);
  });

  it("names reviewers to each other unless the wave keeps them anonymous; managers always see names", () => {
    expect(canSeeReviewerNames(reviewer, { reviewersAnonymous: true })).toBe(false);
    expect(canSeeReviewerNames(reviewer, { reviewersAnonymous: false })).toBe(true);
    expect(canSeeReviewerNames(manager, { reviewersAnonymous: true })).toBe(true);
  });
});

describe("establishment access policy", () => {
  it.each([
    ["member reads own", member, "own", "read", true],
    ["member edits own", member, "own", "edit", true],
    ["member cannot read another", member, "other", "read", false],
    ["manager reads any", manager, "own", "read", true],
    ["manager cannot edit an establishment's roster", manager, "own", "edit", false],
    ["reviewer cannot read establishments", reviewer, "own", "read", false],
  ] as const)("%s", (_label, who, establishmentId, access, expected) => {
    expect(canAccessEstablishment(who, establishmentId, access)).toBe(expected);
  });

  it("lets members invite colleagues into their own establishment only, managers into any", () => {
    expect(() => authorizeMemberInvitation(member, "own")).not.toThrow();
    expect(() => authorizeMemberInvitation(stranger, "own")).toThrow(expect.objectContaining({ code: "NOT_FOUND" }));
    expect(() => authorizeMemberInvitation(reviewer, "own")).toThrow(expect.objectContaining({ code: "NOT_FOUND" }));
    expect(() => authorizeMemberInvitation(manager, "own")).not.toThrow();
  });

  it("lets only the establishment's director or a manager invite a director: a co-editor cannot give themself the director's rights", () => {
    expect(() => authorizeMemberInvitation(member, "own", "DIRECTOR")).not.toThrow();
    expect(() => authorizeMemberInvitation(manager, "own", "DIRECTOR")).not.toThrow();
    expect(() => authorizeMemberInvitation(editor, "own", "EDITOR")).not.toThrow();
    expect(() => authorizeMemberInvitation(editor, "own", "DIRECTOR")).toThrow(
      expect.objectContaining({
        code: "FORBIDDEN",
        message: "Seule la direction de l'établissement peut inviter une personne à la direction.",
      }),
    );
    expect(() => authorizeMemberInvitation(stranger, "own", "DIRECTOR")).toThrow(expect.objectContaining({ code: "NOT_FOUND" }));
  });

  it("lets whoever may send an invitation cancel or replace it, and no one else", () => {
    const atDirection = { purpose: "MEMBER", establishmentId: "own", membershipRole: "DIRECTOR" } as const;
    const atEditing = { ...atDirection, membershipRole: "EDITOR" } as const;
    const staff = { purpose: "STAFF", establishmentId: null, membershipRole: null } as const;
    expect([member, manager, editor, stranger].map((who) => canCancelInvitation(who, atDirection))).toEqual([true, true, false, false]);
    expect([member, manager, editor, stranger].map((who) => canCancelInvitation(who, atEditing))).toEqual([true, true, true, false]);
    expect([member, manager, editor].map((who) => canCancelInvitation(who, staff))).toEqual([false, true, false]);
  });

  it("lets a member leave the team themself, except its only director, who is told to hand the direction over first", () => {
    const team = [
      { userId: "member", role: "DIRECTOR" },
      { userId: "editor", role: "EDITOR" },
    ] as const;
    expect([member, editor, manager, stranger, null].map((who) => canLeaveTeam(who, "own", team))).toEqual([
      false,
      true,
      false,
      false,
      false,
    ]);
    expect(() => authorizeTeamDeparture(editor, "own", team)).not.toThrow();
    expect(() => authorizeTeamDeparture(member, "own", team)).toThrow(
      expect.objectContaining({
        code: "INVALID_STATE",
        message:
          "Vous êtes la seule personne à la direction de l'établissement : confiez d'abord la direction à la personne qui vous succède (« Passer à la direction » dans la liste de l'équipe, ou une invitation si elle n'en fait pas encore partie), puis quittez l'équipe.",
      }),
    );
    // One director of two may leave.
    const twoDirectors = [...team, { userId: "successor", role: "DIRECTOR" }] as const;
    expect(canLeaveTeam(member, "own", twoDirectors)).toBe(true);
    // Not on the team: a programme manager is told so, anyone else does not learn of the establishment.
    expect(() => authorizeTeamDeparture(manager, "own")).toThrow(
      expect.objectContaining({ code: "FORBIDDEN", message: "Vous ne faites pas partie de l'équipe de cet établissement." }),
    );
    expect(() => authorizeTeamDeparture(stranger, "own")).toThrow(expect.objectContaining({ code: "NOT_FOUND" }));
    expect(() => authorizeTeamDeparture(null, "own")).toThrow(expect.objectContaining({ code: "UNAUTHENTICATED" }));
  });

  it("keeps programme permissions to programme managers", () => {
    for (const who of [member, reviewer, stranger]) expect(hasPermission(who, "audit:read")).toBe(false);
    expect(hasPermission(manager, "audit:read")).toBe(true);
    expect(hasPermission(null, "audit:read")).toBe(false);
  });
});

describe("access recovery for a person who lost their keys", () => {
  const teamEditor = { userId: "editor", staffRole: null, establishmentIds: ["own"] };
  const ansReviewer = { userId: "reviewer", staffRole: "REVIEWER", establishmentIds: [] } as const;

  it("is sent to a member by a director of one of their establishments or by a programme manager", () => {
    expect(canRecoverAccess(member, teamEditor)).toBe(true);
    expect(canRecoverAccess(manager, teamEditor)).toBe(true);
    expect(canRecoverAccess(member, { ...teamEditor, establishmentIds: ["other", "own"] })).toBe(true);
    expect(canRecoverAccess(member, { ...teamEditor, establishmentIds: ["other"] })).toBe(false);
    expect(canRecoverAccess(reviewer, teamEditor)).toBe(false);
    expect(canRecoverAccess(null, teamEditor)).toBe(false);
  });

  it("is sent to ANS and ARS staff by a programme manager only, and never by a person to themself", () => {
    expect(canRecoverAccess(manager, ansReviewer)).toBe(true);
    expect(canRecoverAccess(member, { ...ansReviewer, establishmentIds: ["own"] })).toBe(false);
    expect(canRecoverAccess(manager, { ...ansReviewer, userId: "manager" })).toBe(false);
    expect(canRecoverAccess(member, { ...teamEditor, userId: "member" })).toBe(false);
  });

  it("tells a co-editor that it is the direction's, and hides another establishment's member", () => {
    expect(() => authorizeAccessRecovery(editor, { ...teamEditor, userId: "someone" })).toThrow(
      expect.objectContaining({
        code: "FORBIDDEN",
        message: "Seule la direction de l'établissement ou l'ANS peut rétablir l'accès d'une personne.",
      }),
    );
    expect(() => authorizeAccessRecovery(stranger, teamEditor)).toThrow(expect.objectContaining({ code: "NOT_FOUND" }));
    expect(() => authorizeAccessRecovery(member, teamEditor)).not.toThrow();
  });
});

describe("the reason given for a refused change of a dossier", () => {
  it("tells a programme manager on a draft that only the establishment's members edit it, not that it was submitted", () => {
    expect(() => authorizeApplication(manager, facts("DRAFT"), "edit")).toThrow(
      expect.objectContaining({
        code: "FORBIDDEN",
        message: expect.stringContaining("Seuls les membres de l'établissement modifient son dossier"),
      }),
    );
  });

  it("tells a member that a submitted dossier is no longer editable, naming the state it is in", () => {
    expect(() => authorizeApplication(member, facts("SUBMITTED"), "edit")).toThrow(
      expect.objectContaining({ code: "INVALID_STATE", message: "Ce dossier est à l'état « Déposé » : il n'est plus modifiable." }),
    );
    expect(() => authorizeApplication(member, facts("WITHDRAWN"), "edit")).toThrow(
      expect.objectContaining({ code: "INVALID_STATE", message: "Ce dossier est à l'état « Retiré » : il n'est plus modifiable." }),
    );
  });
});

describe("verification of declared results", () => {
  const unassignedArs = viewer({ userId: "ars-unassigned", staffRole: "REGIONAL_REVIEWER", regionCodes: ["75"] });
  const otherAnsReviewer = viewer({ userId: "ans-unassigned", staffRole: "REVIEWER" });

  it("lets the ARS of the establishment's region check it, the ANS validate it, and nobody else decide", () => {
    const selected = facts("SELECTED");
    const decides = (who: Viewer) => (["REGIONAL", "NATIONAL"] as const).filter((tier) => verifiesAt(who, selected, tier));
    expect(decides(unassignedArs)).toEqual(["REGIONAL"]);
    expect(decides(arsElsewhere)).toEqual([]);
    expect(decides(otherAnsReviewer)).toEqual(["NATIONAL"]);
    expect(decides(manager)).toEqual(["NATIONAL"]);
    expect(decides(member)).toEqual([]);
    // A declared conflict of interests on the dossier keeps its reviewer out of the verification too.
    expect(decides(conflicted)).toEqual([]);
    // Nothing to verify before the dossier is « retenu ».
    expect(verifiesAt(otherAnsReviewer, facts("SCORED"), "NATIONAL")).toBe(false);
  });

  it("hides the verification from an ARS reviewer of another region (404) and refuses a tier that is not theirs (403)", () => {
    const selected = facts("SELECTED");
    expect(decideVerificationAccess(arsElsewhere, selected, "read")).toEqual({ allowed: false, refusal: "not-visible" });
    expect(() => authorizeVerification(arsElsewhere, selected, "REGIONAL")).toThrow(expect.objectContaining({ code: "NOT_FOUND" }));
    expect(() => authorizeVerification(stranger, selected, "read")).toThrow(expect.objectContaining({ code: "NOT_FOUND" }));
    expect(() => authorizeVerification(unassignedArs, selected, "NATIONAL")).toThrow(expect.objectContaining({ code: "FORBIDDEN" }));
    expect(() => authorizeVerification(member, selected, "REGIONAL")).toThrow(expect.objectContaining({ code: "FORBIDDEN" }));
    expect(decideVerificationAccess(member, selected, "read")).toEqual({ allowed: true });
    expect(decideVerificationAccess(unassignedArs, selected, "read")).toEqual({ allowed: true });
  });

  it("names the tier at which the viewer decides now, and the queues they work through", () => {
    const selected = facts("SELECTED");
    expect(verificationTierFor(unassignedArs, selected, "WITH_ARS")).toBe("REGIONAL");
    expect(verificationTierFor(unassignedArs, selected, "WITH_ANS")).toBeNull();
    expect(verificationTierFor(manager, selected, "WITH_ANS")).toBe("NATIONAL");
    expect(verificationTierFor(manager, selected, "INFORMATION_REQUESTED")).toBeNull();
    expect([
      verificationTiersOf(unassignedArs),
      verificationTiersOf(reviewer),
      verificationTiersOf(manager),
      verificationTiersOf(member),
    ]).toEqual([["REGIONAL"], ["NATIONAL"], ["NATIONAL"], []]);
  });
});

describe("public API tokens", () => {
  const caller = (who: Viewer, scopes: string[]) => ({ viewer: who, scopes });

  it("are managed by programme managers only", () => {
    expect(canManageApiTokens(manager)).toBe(true);
    for (const other of [member, reviewer, arsHere, null]) expect(canManageApiTokens(other)).toBe(false);
    expect(() => authorizeApiTokenCreation(reviewer, ["waves:read"])).toThrow(expect.objectContaining({ code: "FORBIDDEN" }));
    expect(() => authorizeApiTokenCreation(null, ["waves:read"])).toThrow(expect.objectContaining({ code: "UNAUTHENTICATED" }));
    expect(authorizeApiTokenCreation(manager, ["waves:read", "dossiers:read", "establishments:read"])).toBe(manager);
  });

  it("open only the scopes they carry", () => {
    expect(authorizeApiScope(caller(manager, ["dossiers:read"]), "dossiers:read")).toBe(manager);
    expect(() => authorizeApiScope(caller(manager, ["dossiers:read"]), "establishments:read")).toThrow(
      expect.objectContaining({ code: "FORBIDDEN", message: "Ce jeton n'a pas la portée « establishments:read » : créez-en un qui l'a." }),
    );
  });

  it("stop reading once their owner no longer holds the role, which the tokens page can tell beforehand", () => {
    for (const scope of ["waves:read", "dossiers:read", "establishments:read"] as const) {
      expect(() => authorizeApiScope(caller(reviewer, [scope]), scope)).toThrow(expect.objectContaining({ code: "FORBIDDEN" }));
      expect(ownerHoldsAnyApiScope(reviewer, [scope])).toBe(false);
      expect(ownerHoldsAnyApiScope(manager, [scope])).toBe(true);
    }
    expect(ownerHoldsAnyApiScope(member, ["waves:read", "dossiers:read", "establishments:read"])).toBe(false);
    expect(ownerHoldsAnyApiScope(manager, ["a scope since removed"])).toBe(false);
  });
});

describe("closing a session from « Mon compte »", () => {
  const own = { id: "other-device", userId: "manager" };

  it("is each person's own, for their other sessions, whatever their role", () => {
    expect(canCloseSession(manager, own)).toBe(true);
    expect(authorizeSessionClosing(manager, own)).toBe(manager);
    expect(canCloseSession(member, { id: "phone", userId: "member" })).toBe(true);
  });

  it("finds no session of another person's (the same answer as none at all), not even for a programme manager", () => {
    expect(canCloseSession(manager, { id: "phone", userId: "member" })).toBe(false);
    expect(() => authorizeSessionClosing(manager, { id: "phone", userId: "member" })).toThrow(
      expect.objectContaining({ code: "NOT_FOUND", message: "Cette session n'existe pas." }),
    );
    expect(() => authorizeSessionClosing(manager, null)).toThrow(expect.objectContaining({ code: "NOT_FOUND" }));
    expect(() => authorizeSessionClosing(null, own)).toThrow(expect.objectContaining({ code: "UNAUTHENTICATED" }));
  });

  it("leaves the session of the request to « Se déconnecter »", () => {
    const current = { id: manager.sessionId, userId: "manager" };
    expect(canCloseSession(manager, current)).toBe(false);
    expect(() => authorizeSessionClosing(manager, current)).toThrow(
      expect.objectContaining({ code: "INVALID_STATE", message: "Pour fermer la session en cours, utilisez « Se déconnecter »." }),
    );
  });
});
