import { z } from "zod";
import { zCalendarDate } from "@/lib/applications/sections/fields";

const reason = z
  .string({ error: "Indiquez la raison de la correction." })
  .trim()
  .min(1, { error: "Indiquez la raison de la correction." })
  .max(1000, { error: "1 000 caractères au plus." });

/** A payment step of a tranche, as the manager's form sends it and the server reads it. */
export const ZTrancheStepInput = z.discriminatedUnion("step", [
  z.object({ step: z.literal("order"), orderedOn: zCalendarDate("Indiquez la date d'ordonnancement.") }),
  z.object({
    step: z.literal("pay"),
    paidOn: zCalendarDate("Indiquez la date du paiement."),
    paymentReference: z
      .string({ error: "Indiquez la référence du paiement." })
      .trim()
      .min(1, { error: "Indiquez la référence du paiement." })
      .max(100, { error: "100 caractères au plus." }),
  }),
  z.object({ step: z.literal("undo-order"), reason }),
  z.object({ step: z.literal("undo-payment"), reason }),
]);

export type TTrancheStepInput = z.output<typeof ZTrancheStepInput>;
export type TTrancheStepFormValues = z.input<typeof ZTrancheStepInput>;
