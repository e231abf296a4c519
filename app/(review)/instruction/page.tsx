import { DataTable } from "@/components/dsfr/data-table";
import { Badge } from "@codegouvfr/react-dsfr/Badge";
import type { Metadata } from "next";
import Link from "next/link";
import { STATE_LABELS } from "@/lib/applications/state-machine";
import { requireViewer } from "@/lib/identity/current-viewer";
import { guardPage } from "@/lib/http/page-guard";
import { listAssignedApplications } from "@/lib/review/assigned-applications";

export const metadata: Metadata = { title: "Dossiers à instruire" };

export default async function ReviewQueuePage() {
  const viewer = await requireViewer("/instruction");
  const applications = await guardPage(viewer, "/instruction", () => listAssignedApplications(viewer));

  return (
    <>
      <h1>Dossiers à instruire</h1>
      {applications.length === 0 ? (
        <p>Aucun dossier ne vous est attribué pour le moment.</p>
      ) : (
        <DataTable caption="Dossiers qui vous sont attribués">
            <thead>
              <tr>
                <th scope="col">Établissement</th>
                <th scope="col">Projet</th>
                <th scope="col">Vague</th>
                <th scope="col">État du dossier</th>
                <th scope="col">Votre évaluation</th>
              </tr>
            </thead>
            <tbody>
              {applications.map((application) => {
                const assignment = application.assignments[0];
                return (
                  <tr key={application.id}>
                    <td>
                      <Link href={`/dossiers/${application.id}`}>{application.establishment.name}</Link> ({application.establishment.city})
                    </td>
                    <td>{application.projectTitle || "Sans titre"}</td>
                    <td>{application.wave.title}</td>
                    <td>{STATE_LABELS[application.state]}</td>
                    <td>
                      {!assignment?.conflict ? (
                        <Badge severity="warning" small>Déclaration d&apos;intérêts à faire</Badge>
                      ) : assignment.review?.status === "SUBMITTED" ? (
                        <Badge severity="success" small>Transmise</Badge>
                      ) : (
                        <Badge severity="info" small>En cours</Badge>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </DataTable>
      )}
    </>
  );
}
