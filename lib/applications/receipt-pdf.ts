import type { AssessmentStatus } from "@/lib/db/generated/enums";
import { formatEuros, formatInteger, formatPercent } from "@/lib/format/numbers";
import type { DossierContent } from "./dossier-content";
import { ASSESSMENT_STATUS_LABELS } from "./labels";
import { formatParisDate, formatParisDateTimeToTheSecond } from "@/lib/time/paris";
import { taggedDocument } from "@/lib/pdf/tagged-document";

/**
 * `renderReceiptPdf(input)` → the acknowledgment of receipt (« Accusé de réception de dépôt de
 * dossier ») as a PDF Buffer: programme and wave, establishment and FINESS, dossier reference,
 * the server's receipt time in Paris time to the second, the content hash (content-hash.ts), and
 * a summary (project title, total budget, self-assessed status of each objective, the roster
 * indicators frozen at submission when given).
 *
 * A tagged PDF (lib/pdf/tagged-document.ts) dated at the receipt time, so the same submission
 * renders the same document.
 */
export type ReceiptObjective = { id: string; code: string; title: string; required: boolean; position: number };

export type ReceiptIndicators = {
  takenAt: Date;
  active: number;
  registered: number;
  substantialId: number;
  rieCompliant: number;
  dmpReady: number;
};

export type ReceiptInput = {
  programme: string;
  wave: string;
  establishment: { name: string; finess: string };
  /** « HC-00042 » (dossier-reference.ts). */
  reference: string;
  receivedAt: Date;
  contentHash: string;
  content: Pick<DossierContent, "projectTitle" | "budgetLines" | "assessments">;
  objectives: readonly ReceiptObjective[];
  indicators?: ReceiptIndicators | null;
};

const TITLE = "Accusé de réception de dépôt de dossier";

const INDICATOR_LABELS: ReadonlyArray<[Exclude<keyof ReceiptIndicators, "takenAt" | "active">, string]> = [
  ["registered", "Enregistrés au RPPS"],
  ["substantialId", "Identité vérifiée au niveau substantiel"],
  ["rieCompliant", "Équipés d'un MIE conforme au RIE"],
  ["dmpReady", "En mesure d'accéder au DMP"],
];

export async function renderReceiptPdf(input: ReceiptInput): Promise<Buffer> {
  const { heading, paragraph, block, gap, finish } = taggedDocument({
    title: `${TITLE} – ${input.establishment.name}`,
    subject: `Dossier ${input.reference} – ${input.programme}, ${input.wave}`,
    createdAt: input.receivedAt,
    footer: `${input.reference} – ${input.establishment.name}`,
  });

  paragraph(`${input.programme} – ${input.wave}`);
  heading(1, TITLE);
  paragraph(`Établissement : ${input.establishment.name} (FINESS ${input.establishment.finess})`);
  paragraph(`Référence du dossier : ${input.reference}`);
  paragraph(`Dossier reçu le ${formatParisDateTimeToTheSecond(input.receivedAt)} (heure de Paris).`);
  paragraph("Empreinte numérique du contenu déposé (SHA-256) :");
  block("Courier", 9.5, input.contentHash, 1);

  heading(2, "Résumé du dossier");
  paragraph(`Projet : ${input.content.projectTitle || "(sans titre)"}`);
  const total = input.content.budgetLines.reduce((sum, line) => sum + line.amountCents, 0n);
  paragraph(`Budget total demandé : ${formatEuros(total)}`);
  gap(0.5);

  heading(2, "Auto-évaluation des objectifs");
  for (const objective of [...input.objectives].sort((a, b) => a.position - b.position)) {
    const status: AssessmentStatus | undefined = input.content.assessments[objective.id]?.status;
    const kind = objective.required ? "obligatoire" : "complémentaire";
    const label = status ? ASSESSMENT_STATUS_LABELS[status] : "non renseigné";
    paragraph(`${objective.code} – ${objective.title} (${kind}) : ${label}`);
  }

  const indicators = input.indicators;
  if (indicators) {
    gap(0.5);
    heading(2, `Indicateurs du registre des professionnels au ${formatParisDate(indicators.takenAt)}`);
    paragraph(`Professionnels en activité : ${formatInteger(indicators.active)}`);
    for (const [key, label] of INDICATOR_LABELS) {
      const share = indicators.active > 0 ? ` (${formatPercent(indicators[key] / indicators.active)})` : "";
      paragraph(`${label} : ${formatInteger(indicators[key])}${share}`);
    }
  }

  gap(1);
  block(
    "Helvetica-Oblique",
    9,
    "Cet accusé de réception atteste du dépôt du dossier à la date et à l'heure indiquées. Il ne préjuge ni " +
      "de sa recevabilité ni de la décision. L'empreinte permet de vérifier que le dossier instruit est " +
      "celui qui a été déposé.",
  );

  return finish();
}
