import { describe, expect, it } from "vitest";
import type { ApplicationState } from "@/lib/db/generated/enums";
import {
  type ApplicationAccess,
  type ApplicationFacts,
  authorizeApplication,
  authorizeMemberInvitation,
  canAccessEstablishment,
  decideApplicationAccess,
  hasPermission,
} from "./policy";
import type { Viewer } from "./viewer";

const viewer = (overrides: Partial<Viewer>): Viewer => ({
  userId: "u",
  email: "u@example.test",
  displayName: "U",
  staffRole: null,
  memberships: [],
  sessionId: "s",
  ...overrides,
});

const member = viewer({ userId: "member", memberships: [{ establishmentId: "own", role: "DIRECTOR" }] });
const manager = viewer({ userId: "manager", staffRole: "PROGRAMME_MANAGER" });
const reviewer = viewer({ userId: "reviewer", staffRole: "REVIEWER" });
const conflicted = viewer({ userId: "conflicted", staffRole: "REVIEWER" });
const undeclared = viewer({ userId: "undeclared", staffRole: "REVIEWER" });
const stranger = viewer({ userId: "stranger", memberships: [{ establishmentId: "other", role: "DIRECTOR" }] });

const facts = (state: ApplicationState): ApplicationFacts => ({
  establishmentId: "own",
  state,
  reviewers: [
    { reviewerId: "reviewer", hasConflict: false },
    { reviewerId: "conflicted", hasConflict: true },
    { reviewerId: "undeclared", hasConflict: null },
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
  ["conflicted reviewer can still correct the declaration", conflicted, "UNDER_REVIEW", "declare-conflict", "allowed"],
  ["undeclared reviewer reads", undeclared, "UNDER_REVIEW", "read", "allowed"],
  ["undeclared reviewer must declare before scoring", undeclared, "UNDER_REVIEW", "review", "role"],
  ["undeclared reviewer declares", undeclared, "UNDER_REVIEW", "declare-conflict", "allowed"],
  ["unassigned reviewer sees nothing", viewer({ userId: "other-reviewer", staffRole: "REVIEWER" }), "UNDER_REVIEW", "read", "not-visible"],
];

describe("dossier access policy", () => {
  it.each(TABLE)("%s", (_label, who, state, access, expected) => {
    const decision = decideApplicationAccess(who, facts(state), access);
    expect(decision.allowed ? "allowed" : decision.refusal).toBe(expected);
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

  it("keeps programme permissions to programme managers", () => {
    for (const who of [member, reviewer, stranger]) expect(hasPermission(who, "audit:read")).toBe(false);
    expect(hasPermission(manager, "audit:read")).toBe(true);
    expect(hasPermission(null, "audit:read")).toBe(false);
  });
});

describe("the reason given for a refused change of a dossier", () => {
  it("tells a programme manager on a draft that only the establishment's members edit it, not that it was submitted", () => {
    expect(() => authorizeApplication(manager, facts("DRAFT"), "edit")).toThrow(
      expect.objectContaining({ code: "FORBIDDEN", message: expect.stringContaining("Seuls les membres de l'établissement modifient son dossier") }),
    );
  });

  it("tells a member that a submitted dossier is no longer editable", () => {
    expect(() => authorizeApplication(member, facts("SUBMITTED"), "edit")).toThrow(
      expect.objectContaining({ code: "INVALID_STATE", message: "Ce dossier a été déposé : il n'est plus modifiable." }),
    );
  });
});
