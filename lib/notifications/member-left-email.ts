import { SIGNATURE } from "./signature";

/**
 * To the direction of an establishment a member left of their own accord: who no longer reaches its
 * dossiers, the invitations of theirs that stopped with them, and how to bring them back.
 */
export function memberLeftEmail(input: {
  establishment: string;
  name: string;
  email: string;
  teamUrl: string;
  invitationsCancelled: number;
}) {
  const cancelled =
    input.invitationsCancelled === 0
      ? []
      : [
          input.invitationsCancelled === 1
            ? "L'invitation qu'elle avait envoyée et qui était en attente est annulée."
            : `Les ${input.invitationsCancelled} invitations qu'elle avait envoyées et qui étaient en attente sont annulées.`,
        ];
  return {
    subject: `HospiConnect : ${input.name} a quitté l'équipe de « ${input.establishment} »`,
    text: [
      "Bonjour,",
      "",
      `${input.name} (${input.email}) a quitté l'équipe de « ${input.establishment} » sur la plateforme des appels à projets HospiConnect : cette personne n'accède plus à ses dossiers ni à la liste de ses professionnels.`,
      ...cancelled,
      "",
      `Si elle doit revenir, invitez-la de nouveau depuis la page de l'équipe : ${input.teamUrl}`,
      "",
      SIGNATURE,
    ].join("\n"),
  };
}
