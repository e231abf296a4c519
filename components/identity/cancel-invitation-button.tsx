import { ConfirmedActionButton } from "@/components/forms/confirmed-action-button";

/** What the page says once it is done, reached again with `?annulation=…`. */
export const INVITATION_CANCELLED = "L'invitation est annulée : son lien ne fonctionne plus.";

/** « Annuler » a pending invitation, confirmed; the page then says so (its `annulation` arrival message). */
export function CancelInvitationButton({ invitationId, email }: { invitationId: string; email: string }) {
  return (
    <ConfirmedActionButton
      url={`/api/invitations/${invitationId}`}
      question={`Annuler l'invitation envoyée à ${email} ? Son lien ne fonctionnera plus.`}
      done="annulation"
    >
      Annuler<span className="fr-sr-only"> l&apos;invitation de {email}</span>
    </ConfirmedActionButton>
  );
}
