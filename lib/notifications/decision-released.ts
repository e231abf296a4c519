import { env } from "@/lib/config/env";
import { formatEuros } from "@/lib/format/numbers";
import type { DecisionOutcome } from "@/lib/db/generated/enums";
import { SIGNATURE } from "./signature";

/** Naming the establishment, like the receipt's: a person in two establishments tells them apart in the inbox. */
const SUBJECTS: Readonly<Record<DecisionOutcome, (establishment: string) => string>> = {
  SELECTED: (establishment) => `Le dossier HospiConnect de « ${establishment} » est retenu`,
  REJECTED: (establishment) => `Décision sur le dossier HospiConnect de « ${establishment} »`,
  WAITLISTED: (establishment) => `Le dossier HospiConnect de « ${establishment} » est sur liste d'attente`,
};

const SENTENCES: Readonly<Record<DecisionOutcome, (establishment: string, wave: string) => string>> = {
  SELECTED: (establishment, wave) => `Le dossier de « ${establishment} » est retenu pour « ${wave} ».`,
  REJECTED: (establishment, wave) => `Le dossier de « ${establishment} » n'est pas retenu pour « ${wave} ».`,
  WAITLISTED: (establishment, wave) =>
    `Le dossier de « ${establishment} » est inscrit sur la liste d'attente de « ${wave} » : il pourra être retenu si des crédits se libèrent.`,
};

/** To each member of the establishment: the decision on their dossier is released, its letter attached. */
export function decisionReleasedEmail(input: {
  establishment: string;
  wave: string;
  applicationId: string;
  /** « HC-00042 », which the letter quotes. */
  reference: string;
  outcome: DecisionOutcome;
  amountGrantedCents: bigint | null;
}) {
  return {
    subject: SUBJECTS[input.outcome](input.establishment),
    text: [
      "Bonjour,",
      "",
      SENTENCES[input.outcome](input.establishment, input.wave),
      `Référence du dossier : ${input.reference}`,
      ...(input.amountGrantedCents !== null ? [`Montant accordé : ${formatEuros(input.amountGrantedCents)}.`] : []),
      "",
      "La lettre de décision, jointe à ce message, explique l'évaluation de votre dossier critère par critère. Elle reste téléchargeable depuis la page du dossier :",
      new URL(`/dossiers/${input.applicationId}`, env.APP_URL).toString(),
      "",
      SIGNATURE,
    ].join("\n"),
  };
}
