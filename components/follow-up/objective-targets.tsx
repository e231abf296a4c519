import { fr } from "@codegouvfr/react-dsfr";
import { Badge } from "@/components/dsfr/badge";
import type { TargetCheck } from "@/lib/follow-up/targets";
import { targetIndicatorLabel } from "@/lib/follow-up/targets";
import { formatCount } from "@/lib/format/numbers";
import { formatShare } from "@/lib/roster/compliance-view";
import { formatCalendarDate } from "@/lib/time/paris";

/** « Atteint », « Non atteint », « En retard », or « Sans cible » for an objective that has none. */
export function TargetBadge({ met, overdue = false }: { met: boolean | null; overdue?: boolean }) {
  if (met === null)
    return (
      <Badge noIcon small>
        Sans cible
      </Badge>
    );
  if (met)
    return (
      <Badge severity="success" small>
        Atteint
      </Badge>
    );
  return overdue ? (
    <Badge severity="error" small>
      En retard
    </Badge>
  ) : (
    <Badge severity="warning" small>
      Non atteint
    </Badge>
  );
}

/** One line per target: « MIE conforme au RIE… ≥ 90 % au 30 juin 2027 : 40 sur 60 (67 %) ». */
export function TargetLine({ target }: { target: TargetCheck }) {
  return (
    <>
      {targetIndicatorLabel(target.indicator)} : au moins {target.thresholdPercent} % au {formatCalendarDate(target.dueDate)}. Chiffre :{" "}
      <strong>{formatShare(target.figure)}</strong> <TargetBadge met={target.met} overdue={target.overdue} />
      {target.shortBy > 0 ? (
        <span className={fr.cx("fr-text--sm")}>
          {" "}
          – il manque {formatCount(target.shortBy, "professionnel", "professionnels")} pour atteindre le seuil.
        </span>
      ) : null}
      {target.figure.of === 0 ? (
        <span className={fr.cx("fr-text--sm")}> – aucun professionnel concerné en activité : rien ne peut encore être mesuré.</span>
      ) : null}
    </>
  );
}
