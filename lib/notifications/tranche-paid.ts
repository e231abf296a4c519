import { formatEurosAndCents } from "@/lib/format/numbers";
import { formatCalendarDate } from "@/lib/time/paris";
import { followUpUrl } from "./follow-up-links";
import { SIGNATURE } from "./signature";

/** A tranche's payment as its e-mails name it (paid, then undone if recorded by mistake). */
export type TranchePayment = {
  establishment: string;
  applicationId: string;
  /** The tranche's label (« Avance à la sélection », « Solde à la validation des résultats »). */
  tranche: string;
  amountCents: bigint;
  /** `YYYY-MM-DD` */
  paidOn: string;
  paymentReference: string;
};

/** To each member of the establishment: a tranche of its grant is paid, with its amount, day and payment reference. */
export function tranchePaidEmail(input: TranchePayment) {
  return {
    subject: "Tranche de subvention versée – HospiConnect",
    text: [
      "Bonjour,",
      "",
      `La tranche « ${input.tranche} » de la subvention accordée à « ${input.establishment} » est versée : ${formatEurosAndCents(input.amountCents)}, le ${formatCalendarDate(input.paidOn)}.`,
      `Référence du paiement : ${input.paymentReference}`,
      ...paymentsPageFooter(input.applicationId),
    ].join("\n"),
  };
}

/** How every e-mail about a tranche's payment ends: where the grant's payments are listed. */
export function paymentsPageFooter(applicationId: string): string[] {
  return ["Les versements de la subvention figurent sur la page de suivi du dossier.", "", followUpUrl(applicationId), "", SIGNATURE];
}
