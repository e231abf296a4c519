import { SIGNATURE } from "./signature";

/** To a person taken off an establishment's team: they no longer reach its dossiers nor its roster. */
export function memberRemovedEmail(input: { establishment: string; removedBy: string }) {
  return {
    subject: `HospiConnect : vous ne faites plus partie de l'équipe de « ${input.establishment} »`,
    text: [
      "Bonjour,",
      "",
      `${input.removedBy} vous a retiré(e) de l'équipe de « ${input.establishment} » sur la plateforme des appels à projets HospiConnect : vous n'accédez plus à ses dossiers ni à la liste de ses professionnels.`,
      "",
      "Si c'est une erreur, demandez à la direction de l'établissement de vous inviter de nouveau.",
      "",
      SIGNATURE,
    ].join("\n"),
  };
}
