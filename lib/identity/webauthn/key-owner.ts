import type { Viewer } from "@/lib/access/viewer";
import type { KeyOwner } from "./registration";

/** Whose key a registration request is for: the link it carries decides, else the signed-in viewer; null for nobody. */
export function keyOwner(input: { invitationToken?: string; recoveryToken?: string }, viewer: Viewer | null): KeyOwner | null {
  if (input.invitationToken) return { kind: "invitation", token: input.invitationToken };
  if (input.recoveryToken) return { kind: "recovery", token: input.recoveryToken };
  return viewer ? { kind: "account", viewer } : null;
}
