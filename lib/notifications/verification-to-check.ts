import { formatParisDateTime } from "@/lib/time/paris";
import { attachedFilesLines } from "./attached-files";
import { verificationUrl } from "./follow-up-links";
import { SIGNATURE } from "./signature";

/** Why a declaration reaches a tier: just declared, approved by the ARS, or completed after a request. */
export type VerificationArrival = "declared" | "approvedByArs" | "answered";

const WHY: Readonly<Record<VerificationArrival, string>> = {
  declared: "vient de déclarer ses résultats",
  approvedByArs: "a déclaré des résultats que l'ARS a approuvés",
  answered: "a répondu à la demande de complément sur sa déclaration de résultats",
};

/** To each verifier of the tier that now holds the declaration (the ARS of the region, or the ANS). */
export function verificationToCheckEmail(input: {
  establishment: string;
  applicationId: string;
  arrival: VerificationArrival;
  tier: "ARS" | "ANS";
  dueAt: Date;
  /** The names of the files that came with an answer: the proof the verifier asked for, most often. */
  files?: readonly string[];
}) {
  const task = input.tier === "ARS" ? "à vérifier" : "à valider";
  return {
    subject: `Déclaration de résultats ${task} – ${input.establishment}`,
    text: [
      "Bonjour,",
      "",
      `« ${input.establishment} » ${WHY[input.arrival]}.`,
      ...attachedFilesLines(input.files ?? []),
      `Déclaration ${task} pour l'${input.tier} au plus tard le ${formatParisDateTime(input.dueAt)} (heure de Paris).`,
      "",
      verificationUrl(input.applicationId),
      "",
      SIGNATURE,
    ].join("\n"),
  };
}
