import { fr } from "@codegouvfr/react-dsfr";
import { ReviewDeadlineBadge } from "./review-deadline-badge";
import Link from "next/link";
import { DataTable } from "@/components/dsfr/data-table";
import type { getDossierReviewFollowUp } from "@/lib/review/get-dossier-review-follow-up";
import { TIER_ADJECTIVES, TIER_LABELS } from "@/lib/review/labels";
import { formatParisDateTime, toParisLocal } from "@/lib/time/paris";
import { DeclaredConflict } from "./declared-conflict";
import { FollowUpAnnouncer } from "./follow-up-announcer";
import { ReviewFollowUpActions } from "./review-follow-up-actions";
import { ReviewsTable } from "./reviews-table";

const STATUS = {
  TO_DECLARE: "Déclaration d'intérêts à faire",
  IN_PROGRESS: "En cours",
  SUBMITTED: "Transmise",
  CONFLICT: "Conflit déclaré : attribution terminée",
  CLOSED: "Non transmise : instruction close",
} as const;

/** On a dossier's page, for programme managers: every assignment, its state, and the reviews side by side. */
export function ReviewFollowUp({ followUp }: { followUp: NonNullable<Awaited<ReturnType<typeof getDossierReviewFollowUp>>> }) {
  return (
    <section className={fr.cx("fr-mt-6w")} aria-labelledby="instruction-titre">
      <h2 id="instruction-titre" className={fr.cx("fr-h4")} tabIndex={-1}>
        Instruction
      </h2>
      <p>
        <Link href={`/pilotage/vagues/${followUp.waveId}/attribution`}>Attribuer des instructeurs</Link>
      </p>
      <FollowUpAnnouncer headingId="instruction-titre">
        {followUp.reviews.length === 0 ? (
          <p>Aucun instructeur attribué.</p>
        ) : (
          <DataTable caption="Attributions et évaluations" hideCaption small>
            <thead>
              <tr>
                <th scope="col">Instructeur</th>
                <th scope="col">Niveau</th>
                <th scope="col">Statut</th>
                <th scope="col">Échéance (heure de Paris)</th>
                <th scope="col">Actions</th>
              </tr>
            </thead>
            <tbody>
              {followUp.reviews.map((review) => (
                <tr key={review.assignmentId}>
                  <td>
                    {review.reviewer}
                    {review.overrideReason ? <span className={fr.cx("fr-text--xs")}> (dérogation : {review.overrideReason})</span> : null}
                  </td>
                  <td>{TIER_LABELS[review.tier]}</td>
                  <td>
                    {STATUS[review.status]}
                    {review.conflict?.hasConflict ? <DeclaredConflict conflict={review.conflict} /> : null}
                    <ReviewDeadlineBadge deadline={review.deadline} />
                  </td>
                  <td>{review.dueAt ? formatParisDateTime(review.dueAt) : "–"}</td>
                  <td>
                    {review.status === "CONFLICT" || review.status === "CLOSED" ? null : (
                      <ReviewFollowUpActions
                        assignmentId={review.assignmentId}
                        reviewer={review.reviewer}
                        submitted={review.status === "SUBMITTED"}
                        removable={followUp.removable}
                        reopenable={followUp.reopenable}
                        dueAtLocal={review.dueAt ? toParisLocal(review.dueAt) : ""}
                      />
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </DataTable>
        )}
        {followUp.tiers.map((tier) =>
          followUp.reviews.some((review) => review.tier === tier) ? (
            <div key={tier} className={fr.cx("fr-mt-3w")}>
              <h3 className={fr.cx("fr-h5")}>Évaluations du niveau {TIER_ADJECTIVES[tier]}</h3>
              <ReviewsTable reviews={followUp.reviews} spread={followUp.spread} criteria={followUp.criteria} tier={tier} />
            </div>
          ) : null,
        )}
      </FollowUpAnnouncer>
    </section>
  );
}
