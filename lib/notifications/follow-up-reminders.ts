import { formatCalendarDate, formatParisDate, formatParisDateTime } from "@/lib/time/paris";
import { followUpUrl } from "./dossier-links";
import { verificationUrl } from "./follow-up-links";
import { SIGNATURE } from "./signature";

const inDays = (daysLeft: number) => (daysLeft === 0 ? "aujourd'hui" : daysLeft === 1 ? "demain" : `dans ${daysLeft} jours`);

/** To the director of a selected dossier, before a milestone of its timeline that is not done. */
export function milestoneReminderEmail(input: {
  establishment: string;
  milestone: string;
  day: string;
  daysLeft: number;
  applicationId: string;
}) {
  return {
    subject: `Rappel : jalon « ${input.milestone} » prévu le ${formatCalendarDate(input.day)}`,
    text: [
      "Bonjour,",
      "",
      `Le jalon « ${input.milestone} » du projet de « ${input.establishment} » est prévu le ${formatCalendarDate(input.day)}, ${inDays(input.daysLeft)}.`,
      "Une fois réalisé, indiquez sa date de réalisation sur la page de suivi du dossier : le programme suit l'avancement du calendrier que vous avez présenté.",
      followUpUrl(input.applicationId),
      "",
      SIGNATURE,
    ].join("\n"),
  };
}

/**
 * To the director of a selected dossier, before the day its targets are due while its results are
 * not declared; `verifiedBy` is the wave's path through the tiers (lib/follow-up/verification-machine.ts).
 */
export function declarationReminderEmail(input: {
  establishment: string;
  day: string;
  daysLeft: number;
  applicationId: string;
  verifiedBy: ReadonlyArray<"ARS" | "ANS">;
}) {
  return {
    subject: `Rappel : résultats à déclarer pour le ${formatCalendarDate(input.day)}`,
    text: [
      "Bonjour,",
      "",
      `Les cibles du projet de « ${input.establishment} » sont à atteindre le ${formatCalendarDate(input.day)}, ${inDays(input.daysLeft)}, et ses résultats ne sont pas encore déclarés.`,
      `La page de suivi montre chaque objectif face à sa cible d'après votre registre, et qui manque à l'appel. La déclaration des résultats ouvre la vérification par ${input.verifiedBy.map((tier) => `l'${tier}`).join(" puis ")}, et le versement du solde.`,
      followUpUrl(input.applicationId),
      "",
      SIGNATURE,
    ].join("\n"),
  };
}

/** To each verifier of the tier holding a declaration of results, some days before the tier's due date. */
export function verificationDueSoonEmail(input: {
  establishment: string;
  applicationId: string;
  tier: "ARS" | "ANS";
  dueAt: Date;
  daysLeft: number;
}) {
  const task = input.tier === "ARS" ? "à vérifier" : "à valider";
  return {
    subject: `Rappel : déclaration de résultats ${task} au plus tard le ${formatParisDate(input.dueAt)} – ${input.establishment}`,
    text: [
      "Bonjour,",
      "",
      `La déclaration de résultats de « ${input.establishment} » est ${task} pour l'${input.tier} au plus tard le ${formatParisDateTime(input.dueAt)} (heure de Paris), ${inDays(input.daysLeft)}.`,
      "Sur sa page, décidez de chaque objectif (approuvé, ou refusé avec un motif) ou demandez un complément à l'établissement.",
      verificationUrl(input.applicationId),
      "",
      SIGNATURE,
    ].join("\n"),
  };
}

/** To each verifier of the tier holding a declaration of results, once, when the tier's due date has passed. */
export function verificationOverdueEmail(input: { establishment: string; applicationId: string; tier: "ARS" | "ANS"; dueAt: Date }) {
  const [step, task] = input.tier === "ARS" ? ["Vérification", "à vérifier"] : ["Validation", "à valider"];
  return {
    subject: `${step} en retard : déclaration de résultats de « ${input.establishment} »`,
    text: [
      "Bonjour,",
      "",
      `La déclaration de résultats de « ${input.establishment} » était ${task} pour l'${input.tier} au plus tard le ${formatParisDateTime(input.dueAt)} (heure de Paris) et attend toujours sa décision.`,
      "Sur sa page, décidez de chaque objectif (approuvé, ou refusé avec un motif) ou demandez un complément à l'établissement.",
      verificationUrl(input.applicationId),
      "",
      SIGNATURE,
    ].join("\n"),
  };
}
