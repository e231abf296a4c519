import { fr } from "@codegouvfr/react-dsfr";
import type { ConflictType } from "@/lib/db/generated/enums";
import { CONFLICT_TYPE_SHORT } from "@/lib/review/labels";

/**
 * A declared conflict as the manager who reassigns reads it: its nature, the partner's SIRET and
 * the reviewer's own words (mandatory for « Autre »), which React writes as text.
 */
export function DeclaredConflict({ conflict }: { conflict: { type: ConflictType | null; partnerSiret: string | null; details: string } }) {
  return (
    <>
      {conflict.type ? ` (${CONFLICT_TYPE_SHORT[conflict.type]})` : null}
      {conflict.partnerSiret ? (
        <>
          <br />
          <span className={fr.cx("fr-text--xs")}>SIRET du partenaire : {conflict.partnerSiret}</span>
        </>
      ) : null}
      {conflict.details ? (
        <>
          <br />
          <span className={fr.cx("fr-text--xs")} style={{ whiteSpace: "pre-line" }}>
            Précisions de l&apos;instructeur : « {conflict.details} »
          </span>
        </>
      ) : null}
    </>
  );
}
