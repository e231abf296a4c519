import { z } from "zod";
import { parseEuroAmount } from "@/lib/applications/euro-amount";
import { BudgetCategory } from "@/lib/db/generated/enums";
import { INVALID_VALUE, TEXT_LIMITS, zDraftText, zList } from "./fields";

/**
 * Section « Budget »: lines in the applicant's order (stored as `position`). The form field
 * `amount` holds the text the user typed (« 12 500,50 »); the parsed value is `amountCents`, a
 * bigint like the column; to fill the form again from a saved line, use
 * `formatEuroAmountInput(amountCents)`. Category and amount are needed to save a row; the label
 * may come later.
 */
export const MAX_BUDGET_LINES = 100;

const zAmount = z
  .string({ error: (issue) => (issue.input === undefined || issue.input === null ? "Indiquez un montant." : INVALID_VALUE) })
  .transform((text, ctx) => {
    const result = parseEuroAmount(text);
    if (result.ok) return result.cents;
    ctx.addIssue({ code: "custom", message: result.message, input: text });
    return z.NEVER;
  });

export const ZBudgetLineInput = z
  .object(
    {
      category: z.enum(BudgetCategory, { error: "Choisissez la catégorie de dépense." }),
      label: zDraftText("Le libellé de la ligne de budget", TEXT_LIMITS.label),
      amount: zAmount,
    },
    { error: INVALID_VALUE },
  )
  .transform(({ amount, ...line }) => ({ ...line, amountCents: amount }));

export const ZBudgetSectionInput = z.object(
  {
    budgetLines: zList(ZBudgetLineInput, MAX_BUDGET_LINES, `Le budget compte au plus ${MAX_BUDGET_LINES} lignes.`),
  },
  { error: INVALID_VALUE },
);

export type TBudgetLineInput = z.output<typeof ZBudgetLineInput>;
export type TBudgetSectionInput = z.output<typeof ZBudgetSectionInput>;
export type TBudgetSectionFormValues = z.input<typeof ZBudgetSectionInput>;
