import { fr } from "@codegouvfr/react-dsfr";
import { UPLOAD_LIMITS } from "@/lib/config/upload-limits";
import type { FollowUp } from "@/lib/follow-up/get-follow-up";
import { DeclarationDetails } from "./declaration-details";
import { DeclarationForm } from "./declaration-form";

/** The declaration of results: the form for the director, then what was declared and pre-checked, for everyone who reads the dossier. */
export function DeclarationSection({ followUp }: { followUp: FollowUp }) {
  const declaration = followUp.declaration;
  return (
    <section aria-labelledby="declaration-titre" className={fr.cx("fr-mb-6w")}>
      <h2 id="declaration-titre">Déclaration des résultats</h2>
      {declaration === null ? (
        followUp.canDeclare ? (
          <>
            <p>
              Déclarez pour chaque objectif s&apos;il est atteint, avec vos pièces justificatives. À l&apos;envoi, les indicateurs du
              registre sont figés et chaque objectif est pré-vérifié contre ses cibles ; la déclaration (PDF) est ensuite{" "}
              {followUp.reviewTiers === "REGIONAL_THEN_NATIONAL" ? "vérifiée par l'ARS puis validée par l'ANS." : "validée par l'ANS."}
            </p>
            <DeclarationForm
              applicationId={followUp.applicationId}
              objectives={followUp.objectives}
              limits={{ maxFiles: UPLOAD_LIMITS.declarationFiles, maxBytes: UPLOAD_LIMITS.attachmentBytes }}
            />
          </>
        ) : (
          <p>L&apos;établissement n&apos;a pas encore déclaré ses résultats.</p>
        )
      ) : (
        <DeclarationDetails applicationId={followUp.applicationId} declaration={declaration} objectives={followUp.objectives} />
      )}
    </section>
  );
}
