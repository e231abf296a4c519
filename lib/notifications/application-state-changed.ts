import { STATE_LABELS } from "@/lib/applications/state-machine";
import type { ApplicationState } from "@/lib/db/generated/enums";
import { formatParisDateTime } from "@/lib/time/paris";
import { dossierUrl } from "./dossier-links";
import { SIGNATURE } from "./signature";

/** To each member of the establishment: the programme moved their dossier to a new state. */
export function applicationStateChangedEmail(input: {
  establishment: string;
  applicationId: string;
  state: ApplicationState;
  comment?: string;
  responseDueAt?: Date | null;
}) {
  const label = STATE_LABELS[input.state];
  return {
    subject: `Le dossier HospiConnect de « ${input.establishment} » est désormais « ${label} »`,
    text: [
      "Bonjour,",
      "",
      `Le dossier de « ${input.establishment} » est passé à l'état « ${label} ».`,
      ...(input.comment ? ["", input.comment] : []),
      ...(input.responseDueAt ? ["", `Merci de répondre avant le ${formatParisDateTime(input.responseDueAt)} (heure de Paris).`] : []),
      "",
      "Le dossier :",
      dossierUrl(input.applicationId),
      "",
      SIGNATURE,
    ].join("\n"),
  };
}
