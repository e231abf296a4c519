import { createHash } from "node:crypto";
import { canonicalJson } from "@/lib/applications/canonical-json";
import { formatEuros, formatScore } from "@/lib/format/numbers";
import { formatParisDate } from "@/lib/time/paris";
import type { DecisionOutcome } from "@/lib/db/generated/enums";
import { taggedDocument } from "@/lib/pdf/tagged-document";
import type { CriterionExplanation } from "./aggregation";
import type { LetterSignatory } from "./letter-signatory";

/**
 * The decision letter (« Notification de décision »): the decision, the amount and its conditions or
 * the reasons, and the score sheet explained: per criterion its weight, the mean note given, and
 * the points it brings to the total; then the reviewers' comments a manager marked releasable,
 * never signed (the input holds no reviewer's name at all); it ends with its author's name and title
 * (the wave's signatory, CRPA art. L. 212-1), the place and the date. Printed with the SHA-256 of its
 * own content (`letterHash`), stored beside the file, so a letter can be checked against the record.
 */
export type DecisionLetterInput = {
  programme: string;
  wave: string;
  establishment: { name: string; finess: string };
  /** « HC-00042 » (dossier-reference.ts). */
  reference: string;
  projectTitle: string;
  releasedAt: Date;
  outcome: DecisionOutcome;
  amountRequestedCents: bigint;
  amountGrantedCents: bigint | null;
  /**
   * How the grant is paid (`splitGrant`, as the tranches are created at the release), 0 for a tranche
   * the grant does not have (paid in one go); null without a grant or an advance share.
   */
  schedule: { advanceSharePercent: number; advanceCents: bigint; balanceCents: bigint } | null;
  conditions: string;
  reasons: string;
  /** The raw aggregate on 0–100 (the shares below add up to it), null without a scored review. */
  total: number | null;
  reviewCount: number;
  criteria: readonly CriterionExplanation[];
  /** Releasable comments: a criterion's (by its code) or the review's overall one (null). */
  comments: ReadonlyArray<{ criterionCode: string | null; text: string }>;
  /** Its author, who signs it for the agency (`requireLetterSignatory`). */
  signatory: LetterSignatory;
};

// 5: the payment schedule is part of the content; 6: the signatory too.
export const LETTER_FORMAT = "hospiconnect-decision-letter/6";

/**
 * The hash of the letter's input, the decision as recorded (conditions as typed, « ≥ » and all),
 * not of the characters printed (« >= », through toWinAnsi): it is checked against the database,
 * and a change in how a sign is printed must not change the hash of a decision that did not.
 */
export function letterHashOf(input: DecisionLetterInput): string {
  return createHash("sha256")
    .update(canonicalJson({ format: LETTER_FORMAT, ...input, criteria: [...input.criteria], comments: [...input.comments] }))
    .digest("hex");
}

/** Where the agency signs its decisions (its seat), printed before the date of the signature. */
export const LETTER_PLACE = "Paris";

/** What ends the letter: place and date, for whom it is signed, then the author's name and title. */
export function signatureBlock(signatory: LetterSignatory, releasedAt: Date) {
  return {
    placeAndDate: `Fait à ${LETTER_PLACE}, le ${formatParisDate(releasedAt)}.`,
    forWhom: "Pour l'Agence du Numérique en Santé,",
    name: signatory.name,
    title: signatory.title,
  };
}

/** How to contest the decision, and within what time: the notice every administrative decision carries. */
export const APPEAL_NOTICE =
  "Cette décision peut faire l'objet, dans un délai de deux mois à compter de sa notification, d'un recours gracieux auprès de l'Agence du Numérique en Santé ou d'un recours contentieux devant le tribunal administratif compétent, qui peut être saisi par l'application Télérecours citoyens (www.telerecours.fr).";

const TITLE = "Notification de décision";
const OUTCOME_SENTENCES: Readonly<Record<DecisionOutcome, string>> = {
  SELECTED: "Votre dossier est retenu.",
  REJECTED: "Votre dossier n'est pas retenu.",
  WAITLISTED: "Votre dossier est inscrit sur la liste d'attente : il pourra être retenu si des crédits se libèrent.",
};

/** The tranches the grant is paid in, as the follow-up page then lists them (ADR 0021). */
export function scheduleSentence(schedule: NonNullable<DecisionLetterInput["schedule"]>): string {
  if (schedule.balanceCents === 0n) return "Versement : en une fois, à la notification de cette décision.";
  if (schedule.advanceCents === 0n) return "Versement : en une fois, après validation des résultats que l'établissement déclarera.";
  return `Versement : une avance de ${formatEuros(schedule.advanceCents)} (${schedule.advanceSharePercent} %) à la notification de cette décision, puis le solde de ${formatEuros(schedule.balanceCents)} après validation des résultats que l'établissement déclarera.`;
}

export async function renderDecisionLetterPdf(input: DecisionLetterInput, letterHash: string): Promise<Buffer> {
  const { heading, paragraph, block, table, gap, finish } = taggedDocument({
    title: `${TITLE} – ${input.establishment.name}`,
    subject: `Dossier ${input.reference} – ${input.programme}, ${input.wave}`,
    createdAt: input.releasedAt,
    footer: `${input.reference} – ${input.establishment.name}`,
  });
  paragraph(`${input.programme} – ${input.wave}`);
  heading(1, TITLE);
  paragraph(`Établissement : ${input.establishment.name} (FINESS ${input.establishment.finess})`);
  paragraph(`Référence du dossier : ${input.reference}`);
  paragraph(`Projet : ${input.projectTitle || "(sans titre)"}`);
  paragraph(`Décision publiée le ${formatParisDate(input.releasedAt)}.`);
  gap(0.5);

  heading(2, "Décision");
  paragraph(OUTCOME_SENTENCES[input.outcome]);
  paragraph(`Montant demandé : ${formatEuros(input.amountRequestedCents)}`);
  if (input.amountGrantedCents !== null) paragraph(`Montant accordé : ${formatEuros(input.amountGrantedCents)}`);
  if (input.schedule) paragraph(scheduleSentence(input.schedule));
  if (input.conditions) paragraph(`Conditions : ${input.conditions}`);
  if (input.reasons) paragraph(`Motifs : ${input.reasons}`);
  gap(0.5);

  heading(2, "Évaluation de votre dossier, critère par critère");
  paragraph(
    `Votre dossier a été évalué par ${input.reviewCount} instructeur${input.reviewCount > 1 ? "s" : ""}, indépendamment, selon la grille de la vague.`,
  );
  paragraph(`Note globale : ${formatScore(input.total)} sur 100.`);
  paragraph("Chaque critère y contribue selon sa pondération et la note reçue, en moyenne sur les instructeurs.");
  if (input.criteria.some((criterion) => criterion.notApplicableCount > 0)) {
    paragraph(
      "Un critère jugé « sans objet » par un instructeur n'est pas compté dans son évaluation, dont les autres pondérations sont alors rapportées à 100 : les points des autres critères y dépassent donc ce que donnent leur pondération et leur note moyenne.",
    );
  }
  table(
    ["Critère", "Pondération", "Note moyenne", "Points sur 100"],
    input.criteria.map((criterion) => [
      `${criterion.code} – ${criterion.label}`,
      String(criterion.weight),
      criterion.meanScore === null
        ? "Sans objet"
        : `${formatScore(criterion.meanScore)} sur ${criterion.scaleMax}${criterion.scaleMin !== 0 ? ` (échelle de ${criterion.scaleMin} à ${criterion.scaleMax})` : ""}${criterion.notApplicableCount > 0 ? ` ; sans objet pour ${criterion.notApplicableCount} instructeur${criterion.notApplicableCount > 1 ? "s" : ""}` : ""}`,
      formatScore(criterion.points),
    ]),
    [200, 70, 110, 100],
  );

  if (input.comments.length > 0) {
    heading(2, "Observations des instructeurs");
    for (const comment of input.comments)
      paragraph(`${comment.criterionCode ? `${comment.criterionCode} : ` : "Appréciation générale : "}« ${comment.text} »`);
    gap(0.5);
  }

  // Without them, the time limits to contest an administrative decision do not run (Code de justice administrative, art. R. 421-5).
  heading(2, "Voies et délais de recours");
  paragraph(APPEAL_NOTICE);
  gap(0.5);

  // Its author, legibly (CRPA art. L. 212-1): a letter that names nobody can be contested on its form.
  const signature = signatureBlock(input.signatory, input.releasedAt);
  paragraph(signature.placeAndDate);
  gap(0.5);
  paragraph(signature.forWhom);
  block("Helvetica-Bold", 10.5, signature.name);
  paragraph(signature.title);
  gap(0.5);

  paragraph("Empreinte numérique de cette notification (SHA-256) :");
  block("Courier", 9.5, letterHash, 1);
  block(
    "Helvetica-Oblique",
    9,
    "Les noms des instructeurs ne sont pas communiqués. Pour toute question sur cette décision, écrivez à l'équipe du programme depuis le fil de discussion du dossier.",
  );
  return finish();
}
