import { fr } from "@codegouvfr/react-dsfr";
import { ArrivalNotice } from "@/components/forms/focus-on-arrival";
import { Badge } from "@/components/dsfr/badge";
import { ReviewDeadlineBadge } from "@/components/review/review-deadline-badge";
import { FilterField, FilterForm } from "@/components/forms/filter-form";
import { Select } from "@codegouvfr/react-dsfr/Select";
import type { Route } from "next";
import Link from "next/link";
import { DataTable } from "@/components/dsfr/data-table";
import { formatCount } from "@/lib/format/numbers";
import { FilterSelect } from "@/components/forms/filter-select";
import { STATE_LABELS } from "@/lib/applications/state-machine";
import { requirePermission } from "@/lib/access/policy";
import { guardPage, guardedTitledPage } from "@/lib/http/page-guard";
import { TIER_LABELS } from "@/lib/review/labels";
import { filterResetHref } from "@/lib/http/list-filters";
import { ASSIGNMENT_STATUS_LABELS, listMyAssignments, ZQueueFilters } from "@/lib/review/list-my-assignments";
import { formatParisDateTime } from "@/lib/time/paris";

const guarded = guardedTitledPage("/instruction", "Dossiers à instruire", (viewer) => requirePermission(viewer, "review:assigned"));
export const generateMetadata = guarded.generateMetadata;

const STATUS_FILTERS = { ...ASSIGNMENT_STATUS_LABELS, OVERDUE: "En retard" };

export default async function ReviewQueuePage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const { viewer } = await guarded.load();
  const query = await searchParams;
  const filters = ZQueueFilters.parse(query);
  const { items, total, submitted, toDo, noLongerExpected, waves } = await guardPage(viewer, "/instruction", () =>
    listMyAssignments(viewer, filters),
  );
  const resetHref = filterResetHref("/instruction", ZQueueFilters, filters, ["vague", "niveau", "statut"]);

  return (
    <>
      <h1>Dossiers à instruire</h1>
      {query.conflit ? (
        <ArrivalNotice message="Votre déclaration de conflit d'intérêts est enregistrée. L'attribution a pris fin : le dossier ne figure plus dans votre liste et un chargé de programme a été prévenu." />
      ) : null}
      {total === 0 ? (
        <p>Aucun dossier ne vous est attribué pour le moment.</p>
      ) : (
        <>
          {/* Two fields a row and the buttons on their own: at 200 % text, four fields and the buttons on
              one row cut the selects' values and push « Réinitialiser les filtres » off the page (RGAA 10.4). */}
          <FilterForm label="Filtrer et trier vos dossiers" resetHref={resetHref}>
            <FilterField width={6}>
              <FilterSelect
                label="Vague"
                name="vague"
                value={filters.vague}
                options={waves.map((wave) => ({ value: wave.id, label: wave.title }))}
                anyLabel="Toutes"
              />
            </FilterField>
            <FilterField width={6}>
              <FilterSelect label="Niveau" name="niveau" value={filters.niveau} options={TIER_LABELS} anyLabel="Tous" />
            </FilterField>
            <FilterField width={6}>
              <FilterSelect label="Statut" name="statut" value={filters.statut} options={STATUS_FILTERS} anyLabel="Tous" />
            </FilterField>
            <FilterField width={6}>
              <Select label="Trier par" nativeSelectProps={{ name: "tri", defaultValue: filters.tri }}>
                <option value="echeance">Échéance</option>
                <option value="etablissement">Établissement</option>
                <option value="vague">Vague</option>
              </Select>
            </FilterField>
          </FilterForm>
          <p role="status">
            {`${formatCount(items.length, "dossier", "dossiers")} sur ${total} – ${formatCount(submitted, "évaluation transmise", "évaluations transmises")}, ${toDo} à faire${noLongerExpected > 0 ? `, ${formatCount(noLongerExpected, "plus attendue", "plus attendues")}` : ""}`}
          </p>
          {items.length === 0 ? (
            <p>
              Aucun dossier ne correspond à ces filtres. <Link href={(resetHref ?? "/instruction") as Route}>Voir tous vos dossiers</Link>
            </p>
          ) : (
            // Multiline: the wave's title, on every row, would otherwise push the last column out of a
            // 1 280 px window, behind the table's own scroll.
            <DataTable caption="Dossiers qui vous sont attribués" multiline>
              <thead>
                <tr>
                  <th scope="col" className={fr.cx("fr-cell--fixed", "fr-col--md")}>
                    Établissement
                  </th>
                  <th scope="col">Vague et niveau</th>
                  <th scope="col">Échéance (heure de Paris)</th>
                  <th scope="col">Votre évaluation</th>
                  <th scope="col">État du dossier</th>
                </tr>
              </thead>
              <tbody>
                {items.map((item) => (
                  <tr key={item.assignmentId}>
                    <th scope="row" className={fr.cx("fr-cell--fixed", "fr-col--md")}>
                      <Link href={`/instruction/${item.assignmentId}`}>{item.establishment.name}</Link>
                      <br />
                      <span className={fr.cx("fr-text--xs")}>
                        {item.reference} – FINESS {item.establishment.finess} – {item.establishment.category} – {item.establishment.region}
                      </span>
                      {item.projectTitle ? (
                        <>
                          <br />
                          <span className={fr.cx("fr-text--xs")}>{item.projectTitle}</span>
                        </>
                      ) : null}
                    </th>
                    <td>
                      {item.wave}
                      <br />
                      <span className={fr.cx("fr-text--xs")}>{TIER_LABELS[item.tier]}</span>
                    </td>
                    <td>
                      {item.dueAt ? formatParisDateTime(item.dueAt) : "Non fixée"}
                      <ReviewDeadlineBadge deadline={item.deadline} />
                    </td>
                    <td>
                      <Badge severity={item.status === "SUBMITTED" ? "success" : item.status === "TO_DECLARE" ? "warning" : "info"} small>
                        {ASSIGNMENT_STATUS_LABELS[item.status]}
                      </Badge>
                    </td>
                    <td>{STATE_LABELS[item.dossierState]}</td>
                  </tr>
                ))}
              </tbody>
            </DataTable>
          )}
        </>
      )}
    </>
  );
}
