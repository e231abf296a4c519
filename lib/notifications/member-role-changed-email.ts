import type { MembershipRole } from "@/lib/db/generated/enums";
import { MEMBERSHIP_ROLE_LABELS } from "@/lib/establishments/membership-role-labels";
import { SIGNATURE } from "./signature";

const WHAT_IT_CHANGES: Readonly<Record<MembershipRole, string>> = {
  DIRECTOR:
    "Vous pouvez désormais gérer son équipe (inviter, retirer une personne, changer un rôle) et déclarer les résultats de ses dossiers retenus.",
  EDITOR:
    "Vous continuez de compléter ses dossiers et la liste de ses professionnels ; gérer son équipe et déclarer les résultats de ses dossiers retenus reviennent à sa direction.",
};

/** To a member whose role in an establishment's team was changed (direction ↔ co-rédaction). */
export function memberRoleChangedEmail(input: { establishment: string; role: MembershipRole; changedBy: string }) {
  const role = MEMBERSHIP_ROLE_LABELS[input.role];
  return {
    subject: `HospiConnect : votre rôle dans l'équipe de « ${input.establishment} » est désormais « ${role} »`,
    text: [
      "Bonjour,",
      "",
      `${input.changedBy} vous a donné le rôle « ${role} » dans l'équipe de « ${input.establishment} » sur la plateforme des appels à projets HospiConnect.`,
      WHAT_IT_CHANGES[input.role],
      "",
      "Si c'est une erreur, adressez-vous à la direction de l'établissement.",
      "",
      SIGNATURE,
    ].join("\n"),
  };
}
