import { formatParisDateTime } from "@/lib/time/paris";

/**
 * Who hears of an extension granted, moved or withdrawn: the establishment's members whose account
 * is open (`REACHABLE_MEMBERS`), by e-mail. A pending invitation to the establishment is not told:
 * its address is not yet an account the establishment answers for (it may be mistyped, which is why
 * invitations can be cancelled), and its invitee sees the deadline on the wave once they join
 * (ADR 0038, amendment of 7 December 2026).
 */
export type ExtensionAudience = { members: number; invited: readonly string[] };

export type ExtensionOutcome = { kind: "granted" | "shortened"; closesAt: Date } | { kind: "withdrawn" };

/** The sentence that says who is told, and who is not, by e-mail. */
export function whoIsTold(audience: ExtensionAudience, outcome: ExtensionOutcome["kind"], tense: "done" | "future" = "done"): string {
  if (audience.members > 0)
    return tense === "done"
      ? "Les membres de l'établissement en sont informés par courriel."
      : "Ses membres en seront informés par courriel.";
  const nobody =
    tense === "done"
      ? "L'établissement n'a encore aucun membre : personne n'en est informé par courriel."
      : "L'établissement n'a encore aucun membre : personne n'en sera informé par courriel.";
  const [first, ...others] = audience.invited;
  if (!first) return nobody;
  const deadline = outcome === "withdrawn" ? "la clôture de la vague" : "la nouvelle date limite";
  return others.length === 0
    ? `${nobody} ${first}, invité(e) à le rejoindre, verra ${deadline} en acceptant son invitation.`
    : `${nobody} Les personnes invitées à le rejoindre (${audience.invited.join(", ")}) verront ${deadline} en acceptant leur invitation.`;
}

/** What the wave page says once an extension is granted, shortened or withdrawn. */
export function extensionDoneMessage(outcome: ExtensionOutcome, audience: ExtensionAudience): string {
  const what =
    outcome.kind === "withdrawn"
      ? "Prolongation retirée : la clôture de la vague s'applique de nouveau à l'établissement."
      : outcome.kind === "shortened"
        ? `Prolongation raccourcie au ${formatParisDateTime(outcome.closesAt)} (heure de Paris).`
        : `Prolongation accordée jusqu'au ${formatParisDateTime(outcome.closesAt)} (heure de Paris).`;
  return `${what} ${whoIsTold(audience, outcome.kind)}`;
}
