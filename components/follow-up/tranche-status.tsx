import { Badge } from "@/components/dsfr/badge";
import type { TrancheStatus } from "@/lib/follow-up/tranches";
import { TRANCHE_STATUS_LABELS } from "@/lib/follow-up/tranches";
import { formatCalendarDate, formatParisDate } from "@/lib/time/paris";

const SEVERITY = { PLANNED: "info", DUE: "new", ORDERED: "warning", PAID: "success", CANCELLED: undefined } as const;

export function TrancheStatusBadge({ status }: { status: TrancheStatus }) {
  return (
    <Badge noIcon small severity={SEVERITY[status]}>
      {TRANCHE_STATUS_LABELS[status]}
    </Badge>
  );
}

/** The days of a tranche's steps so far, in words. */
export function trancheStatusDetail(tranche: {
  status: TrancheStatus;
  dueAt: Date | null;
  orderedOn: string | null;
  paidOn: string | null;
  paymentReference: string | null;
}): string {
  switch (tranche.status) {
    case "PLANNED":
      return "Due à la validation des résultats déclarés.";
    case "DUE":
      return tranche.dueAt ? `Due depuis le ${formatParisDate(tranche.dueAt)}.` : "";
    case "ORDERED":
      return `Ordonnancée le ${formatCalendarDate(tranche.orderedOn!)}.`;
    case "CANCELLED":
      return "Les résultats déclarés ont été refusés : le solde n'est pas versé.";
    case "PAID":
      return `Versée le ${formatCalendarDate(tranche.paidOn!)} (référence ${tranche.paymentReference}), ordonnancée le ${formatCalendarDate(tranche.orderedOn!)}.`;
  }
}
