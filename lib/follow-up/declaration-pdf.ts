import { createHash } from "node:crypto";
import { canonicalJson } from "@/lib/applications/canonical-json";
import { taggedDocument } from "@/lib/pdf/tagged-document";
import { type GroupCounts, setOf } from "@/lib/roster/snapshot-breakdown";
import { formatShare, INDICATOR_ROWS } from "@/lib/roster/compliance-view";
import { formatCalendarDate, formatParisDateTime } from "@/lib/time/paris";
import type { ReviewTier, ReviewTiers } from "@/lib/db/generated/enums";
import { precheckLabel, targetIndicatorLabel, type TargetCheck } from "./targets";
import { verificationPath } from "./verification-machine";

/**
 * The declaration of results (« Déclaration des résultats »): what the establishment declares per
 * objective, the roster figures frozen at that moment, and the app's pre-check of each objective
 * against its targets. Printed with the SHA-256 of its own content, stored beside the file.
 */
export type DeclarationPdfInput = {
  programme: string;
  wave: string;
  /** The wave's tiers: who verifies the results next (the ARS then the ANS, or the ANS alone). */
  reviewTiers: ReviewTiers;
  establishment: { name: string; finess: string };
  /** « HC-00042 » (dossier-reference.ts). */
  reference: string;
  projectTitle: string;
  declaredAt: Date;
  declaredBy: string;
  /** Every share the page shows, the objectives' « parmi ceux qui en ont besoin » included. */
  figures: GroupCounts;
  objectives: ReadonlyArray<{
    code: string;
    title: string;
    achieved: boolean;
    comment: string;
    precheckMet: boolean | null;
    checks: readonly TargetCheck[];
  }>;
};

// 2: the wave's tiers are part of the content (the closing sentence names who verifies).
// 4: the figures hold the « parmi ceux qui en ont besoin » counts the targets are checked on.
export const DECLARATION_FORMAT = "hospiconnect-result-declaration/4";

export function declarationHashOf(input: DeclarationPdfInput): string {
  return createHash("sha256")
    .update(
      canonicalJson({
        format: DECLARATION_FORMAT,
        ...input,
        objectives: input.objectives.map((objective) => ({ ...objective, checks: [...objective.checks] })),
      }),
    )
    .digest("hex");
}

const TITLE = "Déclaration des résultats";

const TIER_STEP: Readonly<Record<ReviewTier, string>> = { REGIONAL: "vérifiés par l'ARS", NATIONAL: "validés par l'ANS" };

/** The closing sentence: who verifies the declared results, in the order of the verification machine. */
export function verificationSentence(tiers: ReviewTiers): string {
  const steps = verificationPath(tiers).map((tier) => TIER_STEP[tier]);
  return `La pré-vérification compare les chiffres du registre aux cibles de la vague ; les résultats sont ensuite ${steps.join(" puis ")}.`;
}

export async function renderDeclarationPdf(input: DeclarationPdfInput, hash: string): Promise<Buffer> {
  const { heading, paragraph, block, table, gap, finish } = taggedDocument({
    title: `${TITLE} – ${input.establishment.name}`,
    subject: `Dossier ${input.reference} – ${input.programme}, ${input.wave}`,
    createdAt: input.declaredAt,
    footer: `${input.reference} – ${input.establishment.name}`,
  });
  paragraph(`${input.programme} – ${input.wave}`);
  heading(1, TITLE);
  paragraph(`Établissement : ${input.establishment.name} (FINESS ${input.establishment.finess})`);
  paragraph(`Référence du dossier : ${input.reference}`);
  paragraph(`Projet : ${input.projectTitle || "(sans titre)"}`);
  paragraph(`Déclaré le ${formatParisDateTime(input.declaredAt)} (heure de Paris) par ${input.declaredBy}.`);
  gap(0.5);

  heading(2, "Indicateurs du registre figés à la déclaration");
  // The rows of the page's table: every figure a target may be checked on can be recounted here.
  const figures = setOf(input.figures);
  table(
    ["Indicateur", "Chiffre"],
    [["Professionnels en activité", String(figures.active)], ...INDICATOR_ROWS.map((row) => [row.label, formatShare(figures[row.key])])],
    [300, 180],
  );

  heading(2, "Résultats déclarés et pré-vérification");
  for (const objective of input.objectives) {
    paragraph(`${objective.code} – ${objective.title}`);
    paragraph(`Déclaré : ${objective.achieved ? "atteint" : "non atteint"}. Commentaire : « ${objective.comment} »`);
    paragraph(`Pré-vérification à partir des chiffres figés : ${precheckLabel(objective.precheckMet)}.`);
    for (const check of objective.checks) {
      paragraph(
        `${targetIndicatorLabel(check.indicator)} : au moins ${check.thresholdPercent} % au ${formatCalendarDate(check.dueDate)} ; chiffre ${formatShare(check.figure)} – ${check.met ? "atteinte" : "non atteinte"}.`,
      );
    }
    gap(0.3);
  }

  paragraph("Empreinte numérique de cette déclaration (SHA-256) :");
  block("Courier", 9.5, hash, 1);
  block("Helvetica-Oblique", 9, verificationSentence(input.reviewTiers));
  return finish();
}
