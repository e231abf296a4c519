import { z } from "zod";
import { parseEuroAmount } from "@/lib/applications/euro-amount";
import { refuseUnprintableInLetter } from "./letter-printable";
import { formatEuros } from "@/lib/format/numbers";
import { DecisionOutcome } from "@/lib/db/generated/enums";

/**
 * A manager's proposal for a dossier, as the form sends it (one schema for the browser and the
 * server) and the rules that need the dossier and the wave: a grant of at most the amount
 * requested, conditions for a grant and reasons for the rest, and going past the wave's envelope
 * only with a written reason (ADR 0013).
 */
export const ZStageDecisionInput = z
  .object({
    outcome: z.enum(DecisionOutcome, { error: "Choisissez une décision." }),
    amountGranted: z.string().max(40).default(""),
    conditions: z.string().trim().max(4000, { error: "4 000 caractères au plus." }).default(""),
    reasons: z.string().trim().max(4000, { error: "4 000 caractères au plus." }).default(""),
    envelopeOverrideReason: z.string().trim().max(2000, { error: "2 000 caractères au plus." }).default(""),
    /** Scores whose comment the letter may quote (the others stay with the programme). */
    releasableScoreIds: z.array(z.uuid()).max(500).default([]),
    /** Reviews whose overall comment the letter may quote. */
    releasableReviewIds: z.array(z.uuid()).max(100).default([]),
    /**
     * The staged proposal the manager saw when writing this one (null: none). Another one staged
     * since is refused, never silently replaced (ADR 0013). Left out by the demo loader only.
     */
    replacing: z.uuid().nullable().optional(),
  })
  .superRefine(refuseUnprintableInProposal);
export type TStageDecisionInput = z.infer<typeof ZStageDecisionInput>;

/** « Retirer la proposition »: the staged proposal the manager saw, withdrawn only if it still is the dossier's. */
export const ZWithdrawProposalInput = z.object({
  replacing: z.uuid({ error: "Rechargez la page : la proposition à retirer n'est pas indiquée." }),
});
export type TWithdrawProposalInput = z.infer<typeof ZWithdrawProposalInput>;

/** A proposal of `outcome` and nothing else, the schema's defaults: where the demo data and the tests start from. */
export function defaultDecisionProposal(outcome: DecisionOutcome): TStageDecisionInput {
  return ZStageDecisionInput.parse({ outcome });
}

/**
 * Signs printed otherwise (« ≥ » as « >= ») pass. Only in the field the letter prints for the
 * outcome (the conditions of a grant, the reasons otherwise): the other one is hidden in the form
 * and dropped by parseProposal, and an error there could not be shown.
 */
function refuseUnprintableInProposal(input: { outcome: DecisionOutcome; conditions: string; reasons: string }, ctx: z.RefinementCtx) {
  const field = input.outcome === "SELECTED" ? "conditions" : "reasons";
  refuseUnprintableInLetter(ctx, field, input[field]);
}

/** What a manager reads when another proposal was staged while they wrote theirs; their input stays in the form. */
export function staleProposalMessage(other: { stagedAt: string; stagedBy: string | null; outcome: string }): string {
  return `Une autre proposition a été enregistrée le ${other.stagedAt} par ${other.stagedBy ?? "une autre personne"} : ${other.outcome}. Rechargez la page pour la voir ; votre saisie reste dans le formulaire, enregistrez-la de nouveau pour la remplacer.`;
}

export type ParsedProposal = { outcome: DecisionOutcome; amountGrantedCents: bigint | null; conditions: string; reasons: string };

/** The proposal's own rules, or the field errors that refuse it. */
export function parseProposal(
  input: TStageDecisionInput,
  requestedCents: bigint,
): { ok: true; proposal: ParsedProposal } | { ok: false; fieldErrors: Record<string, string[]> } {
  if (input.outcome !== "SELECTED") {
    if (!input.reasons) return { ok: false, fieldErrors: { reasons: ["Motivez la décision : ces motifs figureront dans la lettre."] } };
    return { ok: true, proposal: { outcome: input.outcome, amountGrantedCents: null, conditions: "", reasons: input.reasons } };
  }
  const amount = parseEuroAmount(input.amountGranted);
  if (!amount.ok) return { ok: false, fieldErrors: { amountGranted: [amount.message] } };
  if (amount.cents <= 0n) return { ok: false, fieldErrors: { amountGranted: ["Le montant accordé doit être supérieur à zéro."] } };
  if (amount.cents > requestedCents) {
    return {
      ok: false,
      fieldErrors: { amountGranted: [`Le montant accordé ne peut pas dépasser le montant demandé (${formatEuros(requestedCents)}).`] },
    };
  }
  return { ok: true, proposal: { outcome: "SELECTED", amountGrantedCents: amount.cents, conditions: input.conditions, reasons: "" } };
}

/**
 * The envelope after this proposal: `grantedCents` counts the wave's live grants (released, or
 * staged and not replaced), `replacedCents` the dossier's staged grant this proposal replaces. Only
 * a proposal that raises the total past the envelope needs a reason: lowering a grant never does.
 */
export function envelopeAfter(input: { envelopeCents: bigint; grantedCents: bigint; replacedCents: bigint; proposedCents: bigint | null }) {
  const afterCents = input.grantedCents - input.replacedCents + (input.proposedCents ?? 0n);
  return { afterCents, exceeds: afterCents > input.envelopeCents && afterCents > input.grantedCents };
}

export function envelopeOverrideMessage(afterCents: bigint, envelopeCents: bigint): string {
  return `Avec cette proposition, les montants accordés atteignent ${formatEuros(afterCents)}, au-delà de l'enveloppe de la vague (${formatEuros(envelopeCents)}) : justifiez le dépassement pour le confirmer.`;
}
