import { ConfirmedActionButton } from "@/components/forms/confirmed-action-button";
import { ofName } from "@/lib/format/elision";
import { formatParisDateTime } from "@/lib/time/paris";

/** What the wave page says once an extension is withdrawn, reached again with `?retrait=…`. */
export const EXTENSION_WITHDRAWN =
  "Prolongation retirée : la clôture de la vague s'applique de nouveau à l'établissement. Ses membres en sont informés par courriel.";

/** « Retirer » an extension granted by mistake, confirmed; the wave page then says so. */
export function WithdrawExtensionButton({
  waveId,
  extensionId,
  establishment,
  waveClosesAt,
}: {
  waveId: string;
  extensionId: string;
  establishment: string;
  waveClosesAt: Date;
}) {
  return (
    <ConfirmedActionButton
      url={`/api/waves/${waveId}/extensions/${extensionId}`}
      question={`Retirer la prolongation de « ${establishment} » ? Sa date limite redeviendra la clôture de la vague, le ${formatParisDateTime(waveClosesAt)} (heure de Paris), et ses membres en seront informés par courriel.`}
      done="retrait"
    >
      Retirer<span className="fr-sr-only"> la prolongation {ofName(establishment)}</span>
    </ConfirmedActionButton>
  );
}
