import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Badge } from "@/components/dsfr/badge";
import { RelaunchJobButton } from "@/components/jobs/relaunch-job-button";
import { guardedTitledPage } from "@/lib/http/page-guard";
import { getJobsOverview } from "@/lib/jobs/job-runs";
import { formatParisDateTime } from "@/lib/time/paris";

const guarded = guardedTitledPage("/pilotage/taches", "Tâches de fond", (viewer) => getJobsOverview(viewer));
export const generateMetadata = guarded.generateMetadata;

const dateOrDash = (date: Date | null) => (date ? formatParisDateTime(date) : "—");

export default async function JobsPage() {
  const {
    record: { jobs, failedRuns },
  } = await guarded.load();

  return (
    <>
      <h1>Tâches de fond</h1>
      <p>
        Envoi des courriels, rappels, indicateurs quotidiens et nettoyage tournent en arrière-plan, une seule fois par échéance quel que
        soit le nombre de serveurs. Une tâche en échec est retentée automatiquement, à intervalles de plus en plus longs.
      </p>
      <div className={fr.cx("fr-table")}>
        <table>
          <caption>Tâches planifiées</caption>
          <thead>
            <tr>
              <th scope="col">Tâche</th>
              <th scope="col">Fréquence</th>
              <th scope="col">Dernière exécution réussie (heure de Paris)</th>
              <th scope="col">En attente</th>
              <th scope="col">Échecs définitifs</th>
              <th scope="col">Action</th>
            </tr>
          </thead>
          <tbody>
            {jobs.map((job) => (
              <tr key={job.name}>
                <td>{job.label}</td>
                <td>{job.schedule ?? "À la demande"}</td>
                <td>{dateOrDash(job.lastCompletedAt)}</td>
                <td>{job.waiting}</td>
                <td>{job.failed}</td>
                <td>
                  <RelaunchJobButton name={job.name} label={job.label} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <h2 className={fr.cx("fr-mt-5w")}>Exécutions en échec</h2>
      {failedRuns.length === 0 ? (
        <Alert severity="success" small description="Aucune exécution en échec depuis 30 jours." />
      ) : (
        <div className={fr.cx("fr-table")}>
          <table>
            <caption>Exécutions en échec, des plus récentes aux plus anciennes (30 jours)</caption>
            <thead>
              <tr>
                <th scope="col">Tâche</th>
                <th scope="col">État</th>
                <th scope="col">Tentatives</th>
                <th scope="col">Erreur</th>
                <th scope="col">Début de la dernière tentative</th>
                <th scope="col">Échec définitif / prochaine tentative</th>
              </tr>
            </thead>
            <tbody>
              {failedRuns.map((run) => (
                <tr key={run.id}>
                  <td>{run.label}</td>
                  <td>
                    {run.state === "failed" ? (
                      <Badge severity="error" small>
                        Échec définitif
                      </Badge>
                    ) : (
                      <Badge severity="warning" small>
                        Nouvelle tentative prévue
                      </Badge>
                    )}
                  </td>
                  <td>{run.attempts}</td>
                  <td>{run.error}</td>
                  <td>{dateOrDash(run.startedAt)}</td>
                  <td>{run.state === "failed" ? dateOrDash(run.failedAt) : dateOrDash(run.nextAttemptAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
