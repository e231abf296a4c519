import { describe, expect, it } from "vitest";
import { countInvitationsLost, isOnlyDirector, LAST_DIRECTOR_STAYS_NOTICE, ownDepartureQuestion } from "./team";

describe("the rules of an establishment's team", () => {
  it("keeps the only director: one of two directors may leave, a co-editor is never the last director", () => {
    const alone = [
      { userId: "a", role: "DIRECTOR" as const },
      { userId: "b", role: "EDITOR" as const },
    ];
    expect(isOnlyDirector(alone, "a")).toBe(true);
    expect(isOnlyDirector(alone, "b")).toBe(false);
    const two = [...alone, { userId: "c", role: "DIRECTOR" as const }];
    expect([isOnlyDirector(two, "a"), isOnlyDirector(two, "c")]).toEqual([false, false]);
    expect(isOnlyDirector([], "a")).toBe(false);
  });

  it("counts the invitations a member loses: those to the direction on leaving it, all of theirs on leaving the team", () => {
    const pending = [
      { invitedById: "a", membershipRole: "DIRECTOR" as const },
      { invitedById: "a", membershipRole: "EDITOR" as const },
      { invitedById: "a", membershipRole: null },
      { invitedById: "b", membershipRole: "DIRECTOR" as const },
      { invitedById: null, membershipRole: "DIRECTOR" as const },
    ];
    expect(countInvitationsLost(pending, "a", "leave-direction")).toBe(1);
    expect(countInvitationsLost(pending, "a", "leave-team")).toBe(3);
    expect(countInvitationsLost(pending, "c", "leave-team")).toBe(0);
  });

  it("asks a director who leaves what they will lose, and how to come back", () => {
    expect(ownDepartureQuestion("leave-direction", { establishment: "EHPAD Les Tilleuls", invitationsLost: 0 })).toBe(
      "Quitter la direction de « EHPAD Les Tilleuls » ? Vous resterez dans l'équipe, en co-rédaction, mais ne pourrez plus gérer l'équipe (inviter à la direction, retirer une personne, changer un rôle) ni déclarer les résultats des dossiers retenus. Pour la retrouver, une autre personne de la direction devra vous la confier.",
    );
    expect(ownDepartureQuestion("leave-direction", { establishment: "EHPAD", invitationsLost: 1 })).toContain(
      " L'invitation à la direction que vous avez envoyée et qui est en attente sera annulée. ",
    );
    expect(ownDepartureQuestion("leave-team", { establishment: "EHPAD Les Tilleuls", invitationsLost: 2 })).toBe(
      "Quitter l'équipe de « EHPAD Les Tilleuls » ? Vous n'accéderez plus à ses dossiers ni à la liste de ses professionnels. Les 2 invitations que vous avez envoyées et qui sont en attente seront annulées. Pour revenir, une personne de la direction devra vous inviter de nouveau.",
    );
  });

  it("tells the only director, in the second person, to hand the direction over first", () => {
    expect(LAST_DIRECTOR_STAYS_NOTICE).toBe(
      "Vous êtes la seule personne à la direction de l'établissement : confiez d'abord la direction à la personne qui vous succède (« Passer à la direction » dans la liste de l'équipe, ou une invitation si elle n'en fait pas encore partie), puis quittez la direction ou l'équipe.",
    );
  });
});
