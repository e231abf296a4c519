import { ConfirmedActionButton } from "@/components/forms/confirmed-action-button";
import { type ExtensionAudience, extensionDoneMessage, whoIsTold } from "@/lib/campaigns/extension-notice";
import { ofName } from "@/lib/format/elision";
import { formatParisDateTime } from "@/lib/time/paris";

/**
 * What the wave page says once an extension is withdrawn, reached again with `?retrait=…`, or with
 * `?retraitSansCourriel=…` when the establishment had no member to e-mail.
 */
export const EXTENSION_WITHDRAWN = {
  retrait: extensionDoneMessage({ kind: "withdrawn" }, { members: 1, invited: [] }),
  retraitSansCourriel: extensionDoneMessage({ kind: "withdrawn" }, { members: 0, invited: [] }),
} as const;

/** « Retirer » an extension granted by mistake, confirmed, saying who will be told; the wave page then says so. */
export function WithdrawExtensionButton({
  waveId,
  extensionId,
  establishment,
  waveClosesAt,
  audience,
}: {
  waveId: string;
  extensionId: string;
  establishment: string;
  waveClosesAt: Date;
  audience: ExtensionAudience;
}) {
  return (
    <ConfirmedActionButton
      url={`/api/waves/${waveId}/extensions/${extensionId}`}
      question={`Retirer la prolongation de « ${establishment} » ? Sa date limite redeviendra la clôture de la vague, le ${formatParisDateTime(waveClosesAt)} (heure de Paris). ${whoIsTold(audience, "withdrawn", "future")}`}
      done={audience.members > 0 ? "retrait" : "retraitSansCourriel"}
    >
      Retirer<span className="fr-sr-only"> la prolongation {ofName(establishment)}</span>
    </ConfirmedActionButton>
  );
}
