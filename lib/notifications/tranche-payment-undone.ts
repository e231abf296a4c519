import { formatEurosAndCents } from "@/lib/format/numbers";
import { formatCalendarDate } from "@/lib/time/paris";
import { paymentsPageFooter, type TranchePayment } from "./tranche-paid";

/**
 * To a member who received « Tranche de subvention versée » for a payment a manager then undid as
 * recorded by mistake: that announcement, named by its day and reference, no longer holds.
 */
export function tranchePaymentUndoneEmail(input: TranchePayment) {
  return {
    subject: "Correction : paiement de tranche annulé – HospiConnect",
    text: [
      "Bonjour,",
      "",
      `Le paiement de la tranche « ${input.tranche} » de la subvention accordée à « ${input.establishment} » (${formatEurosAndCents(input.amountCents)}), annoncé comme versé le ${formatCalendarDate(input.paidOn)} (référence du paiement : ${input.paymentReference}), est annulé : il avait été enregistré par erreur.`,
      "Ne tenez pas compte du message « Tranche de subvention versée » qui l'annonçait. Le paiement de cette tranche vous sera annoncé quand il sera enregistré.",
      ...paymentsPageFooter(input.applicationId),
    ].join("\n"),
  };
}
