import { Badge, OverdueBadge } from "@/components/dsfr/badge";
import { AWAITING_INFORMATION_LABEL } from "@/lib/review/labels";
import type { ReviewDeadline } from "@/lib/review/review-states";

/**
 * A review against its due date, the same in every review view (`reviewDeadline`): « En retard »,
 * or waiting for the establishment's information while the dossier is « Complément demandé »;
 * nothing when on time or no longer expected.
 */
export function ReviewDeadlineBadge({ deadline }: { deadline: ReviewDeadline | null }) {
  return deadline === "AWAITING_INFORMATION" ? (
    <>
      {" "}
      <Badge severity="new" small>
        {AWAITING_INFORMATION_LABEL}
      </Badge>
    </>
  ) : (
    <OverdueBadge overdue={deadline === "OVERDUE"} />
  );
}
