import { Badge } from "@/components/dsfr/badge";
import { WAVE_STATUS_LABELS, type WaveStatus } from "@/lib/campaigns/wave-status";

const SEVERITY = { UPCOMING: "info", OPEN: "success", CLOSED: "new" } as const;

export function WaveStatusBadge({ status }: { status: WaveStatus }) {
  return (
    <Badge severity={SEVERITY[status]} small noIcon>
      {WAVE_STATUS_LABELS[status]}
    </Badge>
  );
}
