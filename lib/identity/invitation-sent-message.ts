/** What the inviter reads once the invitation is sent, saying when it replaced a pending one. */
export function invitationSentMessage(email: string, superseded: number): string {
  return superseded > 0
    ? `Invitation envoyée à ${email}. Elle remplace celle qui était en attente : seul le lien de ce nouveau courriel fonctionne.`
    : `Invitation envoyée à ${email}.`;
}
