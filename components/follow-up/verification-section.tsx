import { fr } from "@codegouvfr/react-dsfr";
import { UPLOAD_LIMITS } from "@/lib/config/upload-limits";
import type { VerificationView } from "@/lib/follow-up/get-verification";
import { TIER_LABELS } from "@/lib/follow-up/verification-machine";
import { decisionGuidance } from "@/lib/follow-up/verification-guidance";
import { approvalNeedsReason } from "@/lib/follow-up/verification-rules";
import { InformationRequestForm } from "./information-request-form";
import { VerificationAnswerForm } from "./verification-answer-form";
import { VerificationDecisionForm } from "./verification-decision-form";
import { VerificationStatus } from "./verification-status";

/**
 * The verification of the declared results: where it stands and its history for everyone who may
 * read it; the tier's decision and request forms for its verifiers while it holds the declaration;
 * the answer form for the director while a complement is asked.
 */
export function VerificationSection({ view }: { view: VerificationView }) {
  const verification = view.verification;
  if (!verification) return null;
  return (
    <section aria-labelledby="verification-titre" className={fr.cx("fr-mb-6w")}>
      <h2 id="verification-titre">Vérification des résultats</h2>
      <VerificationStatus verification={verification} objectives={view.objectives} />
      {view.decideAs ? (
        <>
          <h3>Décision de l&apos;{TIER_LABELS[view.decideAs]}</h3>
          <p>
            {decisionGuidance(view.decideAs, view.balanceCents)} Pour obtenir une précision ou une pièce, demandez plutôt un complément à
            l&apos;établissement.
          </p>
          <VerificationDecisionForm
            applicationId={view.applicationId}
            version={verification.version}
            tier={TIER_LABELS[view.decideAs]}
            objectives={
              view.declaration?.objectives.map((objective) => ({
                code: objective.objectiveCode,
                title: view.objectives.find((candidate) => candidate.code === objective.objectiveCode)?.title ?? "",
                approvalNeedsReason: approvalNeedsReason(objective),
              })) ?? []
            }
          />
          <h3 className={fr.cx("fr-mt-4w")}>Demander un complément</h3>
          <InformationRequestForm applicationId={view.applicationId} version={verification.version} />
        </>
      ) : null}
      {view.canAnswer ? (
        <>
          <h3>Répondre à la demande de complément</h3>
          <VerificationAnswerForm
            applicationId={view.applicationId}
            version={verification.version}
            limits={{ maxFiles: UPLOAD_LIMITS.messageFiles, maxBytes: UPLOAD_LIMITS.attachmentBytes }}
          />
        </>
      ) : null}
    </section>
  );
}
