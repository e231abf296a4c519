import { fr } from "@codegouvfr/react-dsfr";
import { Badge } from "@/components/dsfr/badge";
import { DataTable } from "@/components/dsfr/data-table";
import type { FollowUp } from "@/lib/follow-up/get-follow-up";
import { MILESTONE_STATUS_LABELS } from "@/lib/follow-up/milestones";
import { formatCalendarDate } from "@/lib/time/paris";
import { MilestonesForm } from "./milestones-form";

const SEVERITY = { DONE: "success", LATE: "error", PLANNED: "info" } as const;

/** The dossier's timeline as tracked milestones: planned day, done day, « En retard » once the planned day has passed. */
export function FollowUpMilestones({ followUp }: { followUp: FollowUp }) {
  const { milestones } = followUp;
  return (
    <section aria-labelledby="jalons-titre" className={fr.cx("fr-mb-6w")}>
      <h2 id="jalons-titre">Jalons du calendrier</h2>
      {milestones.length === 0 ? (
        <p>Le calendrier du dossier ne comporte aucun jalon.</p>
      ) : (
        <>
          <DataTable caption="Jalons du calendrier du projet">
            <thead>
              <tr>
                <th scope="col">Jalon</th>
                <th scope="col">Prévu le</th>
                <th scope="col">État</th>
                <th scope="col">Réalisé le</th>
              </tr>
            </thead>
            <tbody>
              {milestones.map((milestone) => (
                <tr key={milestone.id}>
                  <th scope="row">{milestone.label || "Jalon sans libellé"}</th>
                  <td>{formatCalendarDate(milestone.plannedOn)}</td>
                  <td>
                    <Badge noIcon small severity={SEVERITY[milestone.status]}>
                      {MILESTONE_STATUS_LABELS[milestone.status]}
                    </Badge>
                  </td>
                  <td>{milestone.doneOn ? formatCalendarDate(milestone.doneOn) : "–"}</td>
                </tr>
              ))}
            </tbody>
          </DataTable>
          {followUp.canRecordMilestones ? (
            <MilestonesForm
              applicationId={followUp.applicationId}
              milestones={milestones.map((milestone) => ({
                id: milestone.id,
                label: milestone.label || "Jalon sans libellé",
                plannedOn: milestone.plannedOn,
                doneOn: milestone.doneOn,
              }))}
            />
          ) : null}
        </>
      )}
    </section>
  );
}
